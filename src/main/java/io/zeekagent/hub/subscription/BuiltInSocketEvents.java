package io.zeekagent.hub.subscription;

/**
 * A socket-event subscription the hub runs out of the box, so one kind of agent feeds attribution without anyone
 * having to know its tables. Each feature that speaks to a kind of agent declares one as a bean;
 * {@link BuiltInSocketEventsCreator} creates it once at start-up and finds it again by name or by its name-based id,
 * so editing, renaming or disabling it sticks, while deleting it brings it back at the next start unless its flag turns it off.
 *
 * @param name the subscription's name, how it is found again
 * @param query the SELECT over the agent kind's socket-event table
 * @param agents which agents it is for, as said in the log ({@code v1}, {@code v2})
 * @param enabled the feature's {@code default-socket-events} property
 */
public record BuiltInSocketEvents(String name, String query, String agents, boolean enabled) {

    /** The v1 one: the seed framework's query ({@code socket_events WHERE family = 2}). */
    static final String V1_NAME = "default socket events (Zeek Agent v1)";

    static final String V1_QUERY = "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port,"
            + " remote_port, time, success, uid FROM socket_events WHERE family = 2";

    /** Every 2 s, ADDED only, as the seed framework ran it; the rows become socket events. */
    SubscriptionRequest request() {
        return new SubscriptionRequest(
                name, query, null, null, 2, UpdateType.ADDED, SubscriptionKind.SOCKET_EVENTS, null, null, true);
    }
}
