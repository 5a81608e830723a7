package io.zeekagent.hub.webhook;

import io.zeekagent.hub.ingest.StoredEventsObserver;
import io.zeekagent.hub.net.IpAddresses;
import io.zeekagent.hub.query.QueryCompletionObserver;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Raises QUERY_COMPLETED and ADDRESS_CONTACTED from the query and ingest features' observer hooks. */
@Component
class WebhookObservers implements StoredEventsObserver, QueryCompletionObserver {

    private final WebhookService webhooks;

    WebhookObservers(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public boolean interested() {
        return webhooks.watching();
    }

    @Override
    public void stored(
            String hostId,
            @Nullable String remoteAddress,
            @Nullable Integer remotePort,
            @Nullable Long pid,
            @Nullable String exe,
            @Nullable Instant time) {
        if (remoteAddress == null) {
            return;
        }
        IpAddresses.normalize(remoteAddress).ifPresent(address -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("address", address);
            data.put("hostId", hostId);
            data.put("remotePort", remotePort);
            data.put("pid", pid);
            data.put("exe", exe);
            data.put("time", time == null ? null : time.toString());
            webhooks.contacted(address, data);
        });
    }

    @Override
    public void completed(String queryId, String query, int hosts) {
        webhooks.raise(
                WebhookEventType.QUERY_COMPLETED,
                Map.of("queryId", queryId, "query", query, "hosts", hosts, "location", "/api/v1/queries/" + queryId));
    }
}
