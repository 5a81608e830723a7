package io.zeekagent.hub.host;

/**
 * Published whenever a host is created, deleted, or its hostname or known addresses change; the attribution index
 * listens to keep its address → host map current. It is a Spring application event published inside the writing
 * transaction: listen with {@code @TransactionalEventListener} (after commit, the default phase) to see only committed
 * changes.
 *
 * @param host the host's state after the change (for a deletion: its id with no addresses)
 * @param deleted whether the host was deleted
 */
public record HostAddressesChanged(HostAddresses host, boolean deleted) {}
