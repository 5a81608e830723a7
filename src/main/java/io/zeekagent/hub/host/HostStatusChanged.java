package io.zeekagent.hub.host;

/**
 * A host went ONLINE or OFFLINE as its agent connected, was heard from again, or left; published after the change
 * is applied (listeners that must see it committed use a transactional event listener).
 *
 * @param hostId the host
 * @param status its new status
 */
public record HostStatusChanged(String hostId, HostStatus status) {}
