package io.zeekagent.hub.dispatch;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a subscription reading {@code socket_events} fits one kind of agent's columns: v1 agents and osquery share
 * the table name but not its columns, so a query naming one kind's columns would fail on the other's at every run.
 * Queries over other tables always fit. Remembers the answer by query text (bounded). Thread-safe.
 */
public final class SocketEventsFit {

    private static final int MAX_REMEMBERED = 10_000;

    private final Predicate<String> fits;
    private final Map<String, Boolean> byQuery = new ConcurrentHashMap<>();

    /** {@code fits} tells, from a {@code socket_events} query's text, whether this kind of agent can run it. */
    public SocketEventsFit(Predicate<String> fits) {
        this.fits = fits;
    }

    /** Whether the command fits, {@code tablesRead} being the tables its query reads (lower case). */
    public boolean test(SubscriptionCommand command, Set<String> tablesRead) {
        if (!tablesRead.contains("socket_events")) {
            return true;
        }
        if (byQuery.size() > MAX_REMEMBERED) {
            byQuery.clear();
        }
        return byQuery.computeIfAbsent(command.query(), fits::test);
    }
}
