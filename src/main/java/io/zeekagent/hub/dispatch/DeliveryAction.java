package io.zeekagent.hub.dispatch;

/** One step the reconciler asks for to make a host run exactly what targets it. */
sealed interface DeliveryAction {

    /** The host concerned. */
    DispatchHost host();

    /** The subscription concerned. */
    SubscriptionCommand command();

    /** Send a subscribe. */
    record Subscribe(DispatchHost host, SubscriptionCommand command, String reason) implements DeliveryAction {}

    /** Send an unsubscribe repeating {@code command}, the subscribe it cancels. */
    record Unsubscribe(DispatchHost host, SubscriptionCommand command, String reason) implements DeliveryAction {}

    /** Only remember a new version: it changed nothing the agent sees (hosts or groups edited, say). */
    record Adopt(DispatchHost host, SubscriptionCommand command) implements DeliveryAction {}
}
