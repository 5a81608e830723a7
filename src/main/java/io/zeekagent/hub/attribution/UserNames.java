package io.zeekagent.hub.attribution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * User names per host, learnt from the {@code users} table rows agents answer (the v2 agent's {@code name}/{@code
 * uid}, osquery's {@code username}/{@code uid}), so attribution matches name the user behind a socket event's
 * numeric uid. Looked up only when an answer with details is built; the attribution index itself is untouched.
 * Bounded: at most {@link #MAX_PER_HOST} users a host (further ones are counted, not kept), and a host's names go
 * with the host.
 */
public final class UserNames {

    /** Most users remembered per host: far beyond a real machine's accounts, small enough for 10,000 hosts. */
    static final int MAX_PER_HOST = 4096;

    private final Map<String, Map<Long, String>> byHost = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    /** Whether rows with these columns carry a user id and a name ({@code uid}, and {@code username} or {@code name}). */
    public static boolean describesUsers(List<String> columns) {
        return columns.contains("uid") && (columns.contains("username") || columns.contains("name"));
    }

    /**
     * Learns (or, for a removed row, forgets) the user of one {@code users} row.
     *
     * @param hostId the answering host
     * @param columns the query's column names, in SELECT order
     * @param values the row's values in SELECT order (numbers, text)
     * @param removed whether the row reports the user gone (a differential subscription's REMOVE)
     */
    public void learn(String hostId, List<String> columns, @Nullable Object[] values, boolean removed) {
        int uidColumn = columns.indexOf("uid");
        int nameColumn = columns.indexOf("username");
        if (nameColumn < 0) {
            nameColumn = columns.indexOf("name");
        }
        if (uidColumn < 0 || nameColumn < 0 || uidColumn >= values.length || nameColumn >= values.length) {
            return;
        }
        Long uid = number(values[uidColumn]);
        if (uid == null || !(values[nameColumn] instanceof String name) || name.isBlank()) {
            return;
        }
        if (removed) {
            Map<Long, String> users = byHost.get(hostId);
            if (users != null) {
                users.remove(uid, name);
            }
            return;
        }
        Map<Long, String> users = byHost.computeIfAbsent(hostId, h -> new ConcurrentHashMap<>());
        if (users.size() >= MAX_PER_HOST && !users.containsKey(uid)) {
            dropped.increment();
            return;
        }
        users.put(uid, name);
    }

    /** The name of {@code uid} on the host, or {@code null} when the host never reported it. */
    public @Nullable String name(String hostId, @Nullable Long uid) {
        if (uid == null) {
            return null;
        }
        Map<Long, String> users = byHost.get(hostId);
        return users == null ? null : users.get(uid);
    }

    void forgetHost(String hostId) {
        byHost.remove(hostId);
    }

    /** Users remembered over all hosts. */
    long size() {
        long n = 0;
        for (Map<Long, String> users : byHost.values()) {
            n += users.size();
        }
        return n;
    }

    /** Users not remembered because their host already had {@link #MAX_PER_HOST}. */
    long dropped() {
        return dropped.sum();
    }

    /** A uid as agents send it: a number (osquery over Broker, v2) or decimal text (osquery over HTTP). */
    private static @Nullable Long number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isEmpty() && s.length() <= 19) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null; // a Windows SID: socket events carry numeric uids only
            }
        }
        return null;
    }
}
