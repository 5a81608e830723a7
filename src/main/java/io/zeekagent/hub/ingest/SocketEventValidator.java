package io.zeekagent.hub.ingest;

import io.zeekagent.hub.net.IpAddress;
import io.zeekagent.hub.system.FieldProblem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks socket events field by field and normalises them (trimmed text, lower-case protocol, parsed time). */
final class SocketEventValidator {

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
            if (t.matches("[0-9]+(\\.[0-9]+)?")) {
                BigDecimal seconds = new BigDecimal(t);
                // Exact: longValue() silently wraps a huge number into some other, possibly valid, time.
                long whole = seconds.toBigInteger().longValueExact();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                        .movePointRight(9)
                        .longValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            return Instant.parse(t);
        } catch (ArithmeticException | DateTimeException | NumberFormatException ex) {
            problems.add(new FieldProblem(field, "must be epoch seconds or an ISO-8601 time"));
            return null;
        }
    }
}
