package io.zeekagent.hub.system;

import java.util.Map;
import java.util.Set;

/**
 * The statuses each operation's tests observe (controller slice tests, integration tests, the access matrix), which
 * the OpenAPI document must therefore declare. 401 and 429 are observed for every key-protected operation by the
 * security tests and are checked separately. A new operation needs a row here: the gate says which one is missing.
 */
final class ObservedStatuses {

    static final Map<String, Set<Integer>> BY_OPERATION = Map.ofEntries(
            Map.entry("listHosts", Set.of(200, 400)),
            Map.entry("preRegisterHost", Set.of(201, 400, 403, 409, 413)),
            Map.entry("getHost", Set.of(200, 404)),
            Map.entry("updateHost", Set.of(200, 400, 403, 404)),
            Map.entry("deleteHost", Set.of(204, 403, 404)),
            Map.entry("listGroups", Set.of(200, 400)),
            Map.entry("createGroup", Set.of(201, 400, 403, 409)),
            Map.entry("getGroup", Set.of(200, 404)),
            Map.entry("updateGroup", Set.of(200, 400, 404)),
            Map.entry("deleteGroup", Set.of(204, 404, 409)),
            Map.entry("listGroupMembers", Set.of(200, 404)),
            Map.entry("listSubscriptions", Set.of(200, 400)),
            Map.entry("createSubscription", Set.of(201, 400, 403, 409, 422)),
            Map.entry("getSubscription", Set.of(200, 404)),
            Map.entry("updateSubscription", Set.of(200, 400, 404, 409)),
            Map.entry("deleteSubscription", Set.of(204, 404)),
            Map.entry("listSubscriptionResults", Set.of(200, 400, 404)),
            Map.entry("listSubscriptionDeliveries", Set.of(200, 404)),
            Map.entry("runQuery", Set.of(202, 400, 403, 409, 422)),
            Map.entry("getQueryAnswers", Set.of(200, 202, 400, 404)),
            Map.entry("attributeConnection", Set.of(200, 400, 413, 503)),
            Map.entry("attributeConnLog", Set.of(200, 503)),
            Map.entry("ingestSocketEvents", Set.of(201, 400, 403, 413, 422)),
            Map.entry("listSocketEvents", Set.of(200, 400)),
            Map.entry("getSocketEvent", Set.of(200, 404)),
            Map.entry("listContacts", Set.of(200, 400)),
            Map.entry("listActivity", Set.of(200, 400)),
            Map.entry("listWebSocketAgents", Set.of(200)),
            Map.entry("getWebSocketAgent", Set.of(200, 404)),
            Map.entry("createWebhook", Set.of(201, 400, 403)),
            Map.entry("listWebhooks", Set.of(200, 403)),
            Map.entry("getWebhook", Set.of(200, 404)),
            Map.entry("deleteWebhook", Set.of(204, 404)),
            Map.entry("getMetricSeries", Set.of(200)),
            Map.entry("createOsqueryEnrollSecret", Set.of(201, 400, 403)),
            Map.entry("listOsqueryEnrollSecrets", Set.of(200, 403)),
            Map.entry("deleteOsqueryEnrollSecret", Set.of(204, 403, 404)),
            Map.entry("createApiKey", Set.of(201, 400, 403, 409)),
            Map.entry("listApiKeys", Set.of(200, 403)),
            Map.entry("getApiKey", Set.of(200, 403, 404)),
            Map.entry("revokeApiKey", Set.of(204, 403, 404, 409)));

    private ObservedStatuses() {}
}
