package io.zeekagent.hub.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the answer to each {@code Idempotency-Key} for a while: bounded (least recently used out first) and in
 * memory, because a retry that arrives after a restart is rare and executing it again is the safe fallback.
 */
final class IdempotencyStore {

    /** A remembered request: its body's hash and, once complete, the answer to replay. */
    record Entry(
            byte[] bodyHash,
            Instant createdAt,
            boolean complete,
            int status,
            @Nullable String contentType,
            @Nullable String location,
            byte[] body) {

        boolean sameBody(byte[] hash) {
            return Arrays.equals(bodyHash, hash);
        }
    }

    private final Duration ttl;
    private final Map<String, Entry> entries;

    IdempotencyStore(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The live entry for {@code key}, or empty after registering {@code key} as in flight with {@code bodyHash}
     * (the caller then executes the request and {@link #complete completes} or {@link #forget forgets} it).
     */
    synchronized @Nullable Entry claim(String key, byte[] bodyHash, Instant now) {
        Entry existing = entries.get(key);
        if (existing != null && existing.createdAt().plus(ttl).isAfter(now)) {
            return existing;
        }
        entries.put(key, new Entry(bodyHash, now, false, 0, null, null, new byte[0]));
        return null;
    }

    synchronized void complete(
            String key, int status, @Nullable String contentType, @Nullable String location, byte[] body) {
        Entry claimed = entries.get(key);
        if (claimed != null) {
            entries.put(
                    key, new Entry(claimed.bodyHash(), claimed.createdAt(), true, status, contentType, location, body));
        }
    }

    synchronized void forget(String key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
