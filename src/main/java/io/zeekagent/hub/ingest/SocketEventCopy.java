package io.zeekagent.hub.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Writes socket events to PostgreSQL with {@code COPY socket_events (...) FROM STDIN} (text format) through the
 * driver's copy API: one statement per batch, no per-row parse, plan or bind, about a third less server work than
 * a batched INSERT of the same rows. Runs inside the caller's transaction, so durability is the same.
 */
final class SocketEventCopy {

    private static final String COPY = "COPY socket_events (" + SocketEventStore.COLUMNS + ") FROM STDIN";

    private SocketEventCopy() {}

    /** Whether the connection is PostgreSQL's (through any pool proxy). */
    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static void copy(Connection connection, List<StoredSocketEvent> events) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static String text(List<StoredSocketEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 192);
        for (StoredSocketEvent e : events) {
            SocketEventInput in = e.input();
            text(out, e.seuid()).append('\t');
            text(out, in.hostId()).append('\t');
            text(out, in.syscall()).append('\t');
            value(out, in.pid()).append('\t');
            value(out, in.fd()).append('\t');
            text(out, in.exe()).append('\t');
            value(out, in.uid()).append('\t');
            if (in.success() == null) {
                out.append("\\N");
            } else {
                out.append(in.success() ? 't' : 'f');
            }
            out.append('\t');
            value(out, in.family()).append('\t');
            text(out, in.protocol()).append('\t');
            text(out, in.localAddress()).append('\t');
            value(out, in.localPort()).append('\t');
            text(out, in.remoteAddress()).append('\t');
            value(out, in.remotePort()).append('\t');
            time(out, in.time()).append('\t');
            time(out, e.receivedAt()).append('\n');
        }
        return out.toString();
    }

    private static StringBuilder value(StringBuilder out, @Nullable Number n) {
        return n == null ? out.append("\\N") : out.append(n.longValue());
    }

    /** ISO-8601 in UTC ({@code 2026-12-05T08:00:00.123456Z}), which PostgreSQL reads as timestamptz. */
    private static StringBuilder time(StringBuilder out, @Nullable Instant t) {
        return t == null ? out.append("\\N") : out.append(t);
    }

    private static StringBuilder text(StringBuilder out, @Nullable String s) {
        if (s == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
