package io.zeekagent.hub.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Host ids as small integers (events store the integer), each with its current hostname and parsed addresses so
 * an address change can be applied as a difference. Not thread-safe.
 */
final class HostTable {

    private static final long[] NO_ADDRESSES = new long[0];

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> hostIds = new ArrayList<>();
    private final List<@Nullable String> hostnames = new ArrayList<>();
    private final List<long[]> addresses = new ArrayList<>();

    /** The integer for a host id, assigned on first sight. */
    int intern(String hostId) {
        Integer id = ids.get(hostId);
        if (id != null) {
            return id;
        }
        int next = hostIds.size();
        ids.put(hostId, next);
        hostIds.add(hostId);
        hostnames.add(null);
        addresses.add(NO_ADDRESSES);
        return next;
    }

    /** The integer of a known host id, or -1. */
    int find(String hostId) {
        Integer id = ids.get(hostId);
        return id == null ? -1 : id;
    }

    String hostId(int host) {
        return hostIds.get(host);
    }

    @Nullable
    String hostname(int host) {
        return hostnames.get(host);
    }

    void hostname(int host, @Nullable String hostname) {
        hostnames.set(host, hostname);
    }

    /** The host's addresses as (hi, lo) pairs. */
    long[] addresses(int host) {
        return addresses.get(host);
    }

    void addresses(int host, long[] pairs) {
        addresses.set(host, pairs);
    }

    int size() {
        return hostIds.size();
    }
}
