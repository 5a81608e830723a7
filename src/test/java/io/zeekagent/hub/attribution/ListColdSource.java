package io.zeekagent.hub.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cold tier over a list, with the semantics of the SQL in {@code ingest.SocketEventColdStore}: receipt bounds,
 * key sets, event-time bounds with unknown times passing. Counts its statements; can be made to fail.
 */
final class ListColdSource implements ColdEventSource {

    final List<SocketEventEntry> rows = new ArrayList<>();
    int statements;
    boolean failing;

    /** A copy holding {@code rows}, for computing expected answers. */
    ListColdSource withRows(List<SocketEventEntry> rows) {
        this.rows.addAll(rows);
        return this;
    }

    @Override
    public synchronized List<SocketEventEntry> find(ColdQuery q) {
        statements++;
        if (failing) {
            throw new IllegalStateException("database down");
        }
        List<SocketEventEntry> out = new ArrayList<>();
        for (SocketEventEntry e : rows) {
            if (e.receivedAt().isBefore(q.receivedFrom()) || e.receivedAt().isAfter(q.receivedTo())) {
                continue;
            }
            Instant t = e.time();
            Instant to = q.eventTo();
            if (t != null && to != null && t.isAfter(to)) {
                continue;
            }
            long k = ColdKey.of(e.hostId(), port(e.localPort()), port(e.remotePort()));
            Instant from = q.eventFrom();
            boolean connect = contains(q.connectKeys(), k) && (t == null || from == null || !t.isBefore(from));
            if (connect || contains(q.bindKeys(), k)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean contains(long[] keys, long k) {
        for (long key : keys) {
            if (key == k) {
                return true;
            }
        }
        return false;
    }

    private static int port(@Nullable Integer p) {
        return p == null || p < 0 || p > 65535 ? 0 : p;
    }
}
