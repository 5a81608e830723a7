package io.zeekagent.hub.ingest;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an agent result row into a {@link SocketEventInput} by column name, whichever agent produced it: v1 Linux
 * ({@code syscall, pid, fd, exe, uid, success, family, local_address, local_port, remote_address, remote_port,
 * time}, and the pre-2020-10 {@code action}/{@code path}), macOS OpenBSM ({@code type, process_id, user_id, path,
 * timestamp}) and v2 {@code sockets_events}/{@code sockets} ({@code local_addr, remote_addr, protocol, process,
 * state}). Values may be numbers, text, booleans, {@link InetAddress}es or {@link Instant}s.
 */
final class AgentRowMapper {

    private final int syscall;
    private final int state;
    private final int pid;
    private final int fd;
    private final int exe;
    private final int uid;
    private final int success;
    private final int family;
    private final int protocol;
    private final int localAddress;
    private final int localPort;
    private final int remoteAddress;
    private final int remotePort;
    private final int time;
    private final List<String> columns;

    AgentRowMapper(List<String> columns) {
        this.columns = columns;
        syscall = find(columns, "syscall", "action", "type");
        state = find(columns, "state");
        pid = find(columns, "pid", "process_id");
        fd = find(columns, "fd");
        exe = find(columns, "exe", "path", "process");
        uid = find(columns, "uid", "user_id");
        success = find(columns, "success");
        family = find(columns, "family");
        protocol = find(columns, "protocol");
        localAddress = find(columns, "local_address", "local_addr");
        localPort = find(columns, "local_port");
        remoteAddress = find(columns, "remote_address", "remote_addr");
        remotePort = find(columns, "remote_port");
        time = find(columns, "time", "timestamp");
    }

    /** The column names this mapper reads. */
    List<String> columns() {
        return columns;
    }

    /** The event of one row: an {@code Object[]} or {@code List} in column order, or a {@code Map} by name. */
    SocketEventInput map(String hostId, Object row) {
        Object[] values = values(row);
        String call = text(at(values, syscall));
        return new SocketEventInput(
                hostId,
                call != null ? call : text(at(values, state)),
                number(at(values, pid)),
                number(at(values, fd)),
                text(at(values, exe)),
                number(at(values, uid)),
                bool(at(values, success)),
                family(at(values, family)),
                protocol(at(values, protocol)),
                text(at(values, localAddress)),
                port(at(values, localPort)),
                text(at(values, remoteAddress)),
                port(at(values, remotePort)),
                instant(at(values, time)));
    }

    private Object[] values(Object row) {
        if (row instanceof Object[] array) {
            return array;
        }
        if (row instanceof List<?> list) {
            return list.toArray();
        }
        if (row instanceof Map<?, ?> map) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = map.get(columns.get(i));
            }
            return values;
        }
        throw new IllegalArgumentException(
                "Unsupported row type " + row.getClass().getName());
    }

    private static int find(List<String> columns, String... names) {
        for (String name : names) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static @Nullable Object at(Object[] values, int i) {
        return i < 0 || i >= values.length ? null : values[i];
    }

    private static @Nullable String text(@Nullable Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof InetAddress a) {
            return a.getHostAddress();
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    private static @Nullable Long number(@Nullable Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        String s = text(v);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer port(@Nullable Object v) {
        Long n = number(v);
        return n == null ? null : (int) Math.max(-1, Math.min(n, 65536));
    }

    private static @Nullable Boolean bool(@Nullable Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        Long n = number(v);
        return n == null ? null : n != 0;
    }

    /** v1 sends 2/10, v2 sends "IPv4"/"IPv6". */
    private static @Nullable Integer family(@Nullable Object v) {
        String s = text(v);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ipv4" -> 2;
            case "ipv6" -> 10;
            default -> {
                Long n = number(v);
                yield n == null ? null : n.intValue();
            }
        };
    }

    /** v2 sends IANA numbers (6, 17, 1, 58); text names pass through. */
    private static @Nullable String protocol(@Nullable Object v) {
        String s = text(v);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "58", "icmp", "icmp6" -> "icmp";
            default -> null;
        };
    }

    private static @Nullable Instant instant(@Nullable Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Long || v instanceof Integer) {
            // Whole epoch seconds, what v1 agents send: no BigDecimal on the hot path.
            try {
                return Instant.ofEpochSecond(((Number) v).longValue());
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            BigDecimal seconds = v instanceof Number n
                    ? new BigDecimal(n.toString())
                    : new BigDecimal(v.toString().trim());
            long whole = seconds.toBigInteger().longValueExact();
            return Instant.ofEpochSecond(
                    whole,
                    seconds.subtract(BigDecimal.valueOf(whole))
                            .movePointRight(9)
                            .longValue());
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            try {
                return Instant.parse(v.toString().trim());
            } catch (RuntimeException notIso) {
                return null;
            }
        }
    }
}
