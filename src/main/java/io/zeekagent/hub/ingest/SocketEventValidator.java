package io.zeekagent.hub.ingest;

import io.zeekagent.hub.net.IpAddress;
import io.zeekagent.hub.system.FieldProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks socket events field by field and normalises them (trimmed text, lower-case protocol, parsed time). */
final class SocketEventValidator {

    /**
     * The times both databases store and read back as written: PostgreSQL refuses the text of a year beyond 9999
     * ({@code +10000-…}) and before 1, and one such event would fail its whole batch's COPY.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final IpAddress address = new IpAddress();

    /** The normalised event, or {@code null} after adding a problem per bad field, named {@code prefix.field}. */
    @Nullable
    SocketEventInput validate(SocketEventRequest r, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        Instant time = time(r.time(), prefix + "time", problems);
        SocketEventInput input = new SocketEventInput(
                r.hostId() == null ? "" : r.hostId().trim(),
                r.syscall(),
                r.pid(),
                r.fd(),
                r.exe(),
                r.uid(),
                r.success(),
                r.family(),
                r.protocol(),
                r.localAddress(),
                r.localPort(),
                r.remoteAddress(),
                r.remotePort(),
                time);
        SocketEventInput checked = validate(input, prefix, problems);
        return problems.size() > before ? null : checked;
    }

    /** The normalised event, or {@code null} after adding a problem per bad field. */
    @Nullable
    SocketEventInput validate(SocketEventInput e, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        String hostId = e.hostId().trim();
        if (hostId.isEmpty() || hostId.length() > 255) {
            problems.add(new FieldProblem(prefix + "hostId", "must be 1 to 255 characters"));
        }
        String local = address(e.localAddress(), prefix + "localAddress", problems);
        String remote = address(e.remoteAddress(), prefix + "remoteAddress", problems);
        port(e.localPort(), prefix + "localPort", problems);
        port(e.remotePort(), prefix + "remotePort", problems);
        String protocol = e.protocol() == null || e.protocol().isBlank()
                ? null
                : e.protocol().trim().toLowerCase(Locale.ROOT);
        if (protocol != null && !protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("icmp")) {
            problems.add(new FieldProblem(prefix + "protocol", "must be tcp, udp or icmp (or absent)"));
        }
        // PostgreSQL stores no NUL character in text: one in any row would fail the whole batch's COPY.
        noNul(hostId, prefix + "hostId", problems);
        noNul(e.syscall(), prefix + "syscall", problems);
        noNul(e.exe(), prefix + "exe", problems);
        Instant time = e.time();
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            problems.add(new FieldProblem(prefix + "time", "must be between the years 1 and 9999"));
        }
        if (e.syscall() != null && e.syscall().length() > 64) {
            problems.add(new FieldProblem(prefix + "syscall", "must be at most 64 characters"));
        }
        if (e.exe() != null && e.exe().length() > 4096) {
            problems.add(new FieldProblem(prefix + "exe", "must be at most 4096 characters"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new SocketEventInput(
                hostId,
                e.syscall(),
                e.pid(),
                e.fd(),
                e.exe(),
                e.uid(),
                e.success(),
                e.family(),
                protocol,
                local,
                e.localPort(),
                remote,
                e.remotePort(),
                e.time());
    }

    private @Nullable String address(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (!address.parse(trimmed)) {
            problems.add(new FieldProblem(field, "'" + text + "' is not an IP address"));
        }
        return trimmed;
    }

    private static void noNul(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            problems.add(new FieldProblem(field, "must not contain NUL characters"));
        }
    }

    private static void port(@Nullable Integer port, String field, List<FieldProblem> problems) {
        if (port != null && (port < 0 || port > 65535)) {
            problems.add(new FieldProblem(field, "must be between 0 and 65535"));
        }
    }

    /** Epoch seconds (fractions allowed) or ISO-8601. */
    static @Nullable Instant time(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            int dot = epochSecondsDot(t);
            if (dot >= 0) {
                // Whole seconds exactly (a number too large for a long is an error, never wrapped into some other
                // time); the fraction's first nine digits, further ones truncated.
                long whole = Long.parseLong(t, 0, dot, 10);
                long nanos = 0;
                for (int i = dot + 1, scale = 100_000_000; i < t.length() && scale > 0; i++, scale /= 10) {
                    nanos += (t.charAt(i) - '0') * (long) scale;
                }
                return Instant.ofEpochSecond(whole, nanos);
            }
            return Instant.parse(t);
        } catch (DateTimeException | NumberFormatException ex) {
            problems.add(new FieldProblem(field, "must be epoch seconds or an ISO-8601 time"));
            return null;
        }
    }

    /**
     * For epoch seconds ({@code [0-9]+(\.[0-9]+)?}): where the whole seconds end (the dot, or the length); otherwise
     * -1. By hand: {@code String.matches} compiled its pattern for every event of a REST batch (JFR: ~2% of the
     * ingestion threads).
     */
    static int epochSecondsDot(String t) {
        int n = t.length();
        int i = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == 0) {
            return -1;
        }
        if (i == n) {
            return n;
        }
        if (t.charAt(i) != '.' || i == n - 1) {
            return -1;
        }
        for (int j = i + 1; j < n; j++) {
            if (t.charAt(j) < '0' || t.charAt(j) > '9') {
                return -1;
            }
        }
        return i;
    }
}
