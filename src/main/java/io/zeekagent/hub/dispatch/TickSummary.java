package io.zeekagent.hub.dispatch;

/**
 * What one dispatch tick did.
 *
 * @param hosts online, reachable hosts reconciled
 * @param subscribes subscribes sent
 * @param unsubscribes unsubscribes sent
 */
public record TickSummary(int hosts, int subscribes, int unsubscribes) {}
