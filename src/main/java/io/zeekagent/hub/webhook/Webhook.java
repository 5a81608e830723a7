package io.zeekagent.hub.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A stored webhook: where to deliver which events, signed with which secret.
 *
 * @param id its id
 * @param url the destination
 * @param secret the HMAC key
 * @param events the event types delivered
 * @param watchAddresses remote addresses that raise ADDRESS_CONTACTED (canonical text)
 * @param createdAt when it was created
 */
record Webhook(
        String id,
        String url,
        String secret,
        Set<WebhookEventType> events,
        Set<String> watchAddresses,
        Instant createdAt) {

    Webhook {
        events = Set.copyOf(events);
        watchAddresses = Set.copyOf(watchAddresses);
    }
}
