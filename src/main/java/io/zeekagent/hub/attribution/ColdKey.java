package io.zeekagent.hub.attribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database's index key of a socket event, the stable twin of the memory key ({@link AttributionIndex#key}):
 * 30 bits of the host id's MD5, which ports are set, the ports. The database computes the same value in the
 * generated column {@code socket_events.k} (Flyway V10, both vendors), so a probe is an equality on one
 * {@code bigint}. Hosts whose hashes collide share keys; the caller compares host ids.
 */
public final class ColdKey {

    private static final int CACHE_LIMIT = 1 << 18;
    private static final ConcurrentHashMap<String, Long> HOSTS = new ConcurrentHashMap<>();

    private ColdKey() {}

    /** The key of an event of {@code hostId} with these ports (0 = wildcard). */
    public static long of(String hostId, int localPort, int remotePort) {
        long kind = (localPort != 0 ? 2L : 0L) | (remotePort != 0 ? 1L : 0L);
        return (host(hostId) << 34) | (kind << 32) | ((long) localPort << 16) | remotePort;
    }

    /** The first 32 bits of MD5(UTF-8 host id), big-endian, masked to 30 bits. */
    static long host(String hostId) {
        Long known = HOSTS.get(hostId);
        if (known != null) {
            return known;
        }
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(hostId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
        long bits = ((md5[0] & 0xFFL) << 24) | ((md5[1] & 0xFFL) << 16) | ((md5[2] & 0xFFL) << 8) | (md5[3] & 0xFFL);
        long value = bits & 0x3FFF_FFFFL;
        if (HOSTS.size() < CACHE_LIMIT) {
            HOSTS.put(hostId, value);
        }
        return value;
    }
}
