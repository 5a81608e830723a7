/**
 * Outbound webhooks for SOAR playbooks: subscriptions to hub events (host online/offline, one-shot query completed,
 * watched address contacted, delivery failed), HMAC-signed deliveries retried with backoff from a bounded queue that
 * never blocks the code raising the event, and destination checks against server-side request forgery.
 */
@NullMarked
package io.zeekagent.hub.webhook;

import org.jspecify.annotations.NullMarked;
