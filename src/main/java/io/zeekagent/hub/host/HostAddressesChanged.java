package io.zeekagent.hub.host;

/**
 * Published (Spring application event, after commit) whenever a host is created, deleted, or its hostname or
 * known addresses change; the attribution index listens to keep its address → host map current.
 *
 * @param host the host's state after the change (for a deletion: its id with no addresses)
 * @param deleted whether the host was deleted
 */
public record HostAddressesChanged(HostAddresses host, boolean deleted) {}
