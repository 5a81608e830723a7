package io.zeekagent.hub.dispatch;

/**
 * A subscription a host is running, as far as the hub knows: what was last sent to it.
 *
 * @param hostId the host
 * @param transport the transport it was sent over
 * @param command the arguments sent
 */
record Delivered(String hostId, String transport, SubscriptionCommand command) {}
