package io.zeekagent.hub.osquery;

import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.net.IpAddresses;
import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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
    static @Nullable SocketEventInput map(String hostId, JsonNode row, @Nullable Long unixTime) {
        String status = OsqueryJson.text(row, "status");
        Boolean success;
        if (status == null || status.isEmpty()) {
            Long flag = OsqueryJson.number(row, "success");
            success = flag == null ? null : flag != 0;
        } else {
            success = switch (status) {
                case "succeeded", "in_progress" -> true;
                case "failed" -> false;
                case "no_client" -> null;
                default -> null;
            };
            if ("no_client".equals(status)) {
                return null;
            }
        }
        Long family = OsqueryJson.number(row, "family");
        if (family != null && family != 2 && family != 10) {
            return null;
        }
        Long time = OsqueryJson.number(row, "time");
        return new SocketEventInput(
                hostId,
                emptyToNull(OsqueryJson.text(row, "action")),
                OsqueryJson.number(row, "pid"),
                hex(OsqueryJson.text(row, "fd")),
                emptyToNull(OsqueryJson.text(row, "path")),
                null,
                success,
                family == null ? null : family.intValue(),
                null,
                address(OsqueryJson.text(row, "local_address")),
                port(OsqueryJson.number(row, "local_port")),
                address(OsqueryJson.text(row, "remote_address")),
                port(OsqueryJson.number(row, "remote_port")),
                instant(time != null ? time : unixTime));
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
