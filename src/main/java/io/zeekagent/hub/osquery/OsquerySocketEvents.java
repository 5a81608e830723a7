package io.zeekagent.hub.osquery;

import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.net.IpAddresses;
import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * osquery {@code socket_events} rows → the hub's socket events. osquery is not the v1 agent: {@code action} is the
 * syscall, {@code path} the executable, {@code fd} the raw audit argument in hex ({@code "a"} is 10), {@code status}
 * says whether it succeeded ({@code no_client} is an accept that returned nobody: dropped), there is no {@code uid}
 * (only {@code auid}) and no usable {@code protocol} (always 0). IPv6 comes as eight uncompressed groups, normalised
 * here (and IPv4-mapped ones to IPv4). The host is the node key's, never a field of the row.
 */
final class OsquerySocketEvents {

    private OsquerySocketEvents() {}

    /** The event, or null when the row is not one to keep ({@code no_client}, not IPv4/IPv6). */
    static @Nullable SocketEventInput map(String hostId, Columns row, @Nullable Long unixTime) {
        // One pass over the row's columns (a column named twice: the last wins), converted below.
        Object action = null;
        Object pid = null;
        Object fd = null;
        Object path = null;
        Object family = null;
        Object localAddress = null;
        Object localPort = null;
        Object remoteAddress = null;
        Object remotePort = null;
        Object status = null;
        Object successFlag = null;
        Object time = null;
        for (int i = 0; i < row.size(); i++) {
            Object v = row.value(i);
            switch (row.name(i)) {
                case "action" -> action = v;
                case "pid" -> pid = v;
                case "fd" -> fd = v;
                case "path" -> path = v;
                case "family" -> family = v;
                case "local_address" -> localAddress = v;
                case "local_port" -> localPort = v;
                case "remote_address" -> remoteAddress = v;
                case "remote_port" -> remotePort = v;
                case "status" -> status = v;
                case "success" -> successFlag = v;
                case "time" -> time = v;
                default -> {}
            }
        }
        String statusText = Columns.text(status);
        Boolean success;
        if (statusText == null || statusText.isEmpty()) {
            Long flag = Columns.number(successFlag);
            success = flag == null ? null : flag != 0;
        } else {
            if ("no_client".equals(statusText)) {
                return null;
            }
            success = switch (statusText) {
                case "succeeded", "in_progress" -> true;
                case "failed" -> false;
                default -> null;
            };
        }
        Long familyNumber = Columns.number(family);
        if (familyNumber != null && familyNumber != 2 && familyNumber != 10) {
            return null;
        }
        Long seconds = Columns.number(time);
        return new SocketEventInput(
                hostId,
                emptyToNull(Columns.text(action)),
                Columns.number(pid),
                hex(Columns.text(fd)),
                emptyToNull(Columns.text(path)),
                null,
                success,
                familyNumber == null ? null : familyNumber.intValue(),
                null,
                address(Columns.text(localAddress)),
                port(Columns.number(localPort)),
                address(Columns.text(remoteAddress)),
                port(Columns.number(remotePort)),
                instant(seconds != null ? seconds : unixTime));
    }

    /** The audit {@code a0} argument as osquery prints it: hex digits, no prefix. */
    static @Nullable Long hex(@Nullable String fd) {
        if (fd == null || fd.isBlank()) {
            return null;
        }
        String s = fd.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Canonical text; empty stays a wildcard (null); an unparsable address is left for validation to refuse. */
    static @Nullable String address(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            // osquery prints IPv4 in canonical dotted form; validation still checks it.
            return text;
        }
        return IpAddresses.normalize(text).orElse(text);
    }

    private static @Nullable Integer port(@Nullable Long port) {
        return port == null ? null : (int) Math.max(-1, Math.min(port, 65536));
    }

    private static @Nullable Instant instant(@Nullable Long seconds) {
        if (seconds == null || seconds <= 0) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
