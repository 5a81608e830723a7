package io.zeekagent.hub.dispatch;

/**
 * The arguments of a subscribe (and of the unsubscribe that cancels it), whatever the transport.
 *
 * @param subscriptionId the subscription
 * @param version the subscription's version these arguments were taken from
 * @param event the response event name agents send rows as
 * @param query the SQL
 * @param cookie the cookie rows come back with: the subscription id
 * @param updateType {@code ADDED}, {@code REMOVED} or {@code BOTH}
 * @param intervalSeconds how often the agent runs the query
 */
public record SubscriptionCommand(
        String subscriptionId,
        long version,
        String event,
        String query,
        String cookie,
        String updateType,
        long intervalSeconds) {

    /** Whether the agent would see a different subscription (version aside). */
    boolean differsOnTheWire(SubscriptionCommand other) {
        return !event.equals(other.event)
                || !query.equals(other.query)
                || !cookie.equals(other.cookie)
                || !updateType.equals(other.updateType)
                || intervalSeconds != other.intervalSeconds;
    }
}
