package io.zeekagent.hub.attribution;

import io.zeekagent.hub.net.IpAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Community ID flow hashing, version 1 (corelight/community-id-spec): SHA-1 over seed, ordered endpoints,
 * protocol, a zero pad and ports, base64, prefixed {@code 1:}. ICMP and ICMPv6 type/code pairs are mapped to
 * port equivalents as Zeek does. IPv4-mapped IPv6 addresses hash as IPv4, as Zeek logs them.
 *
 * <p>Not thread-safe (it reuses its digest and buffer); {@link #forCurrentThread()} hands out one per thread.
 */
public final class CommunityId {

    /** IANA protocol numbers the hash understands specially. */
    public static final int ICMP = 1;

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP6 = 58;
    public static final int SCTP = 132;

    private static final ThreadLocal<CommunityId> PER_THREAD = ThreadLocal.withInitial(() -> new CommunityId(0));

    private final MessageDigest sha1;
    private final byte[] buffer = new byte[40];
    private final int seed;

    /** A hasher with the given seed (0 is what Zeek and every consumer default to). */
    public CommunityId(int seed) {
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JRE", e);
        }
        this.seed = seed;
    }

    /** This thread's seed-0 hasher. */
    public static CommunityId forCurrentThread() {
        return PER_THREAD.get();
    }

    /** The Community ID of a flow given as text addresses; {@code null} if an address does not parse. */
    public @Nullable String of(int protocol, String source, String destination, int sourcePort, int destPort) {
        IpAddress s = new IpAddress();
        IpAddress d = new IpAddress();
        if (!s.parse(source) || !d.parse(destination)) {
            return null;
        }
        return of(protocol, s.hi(), s.lo(), d.hi(), d.lo(), sourcePort, destPort);
    }

    /** The base64 Community ID; ports below zero mean a port-less protocol. */
    public String of(int protocol, long sHi, long sLo, long dHi, long dLo, int sPort, int dPort) {
        return "1:" + Base64.getEncoder().encodeToString(digest(protocol, sHi, sLo, dHi, dLo, sPort, dPort));
    }

    /** The hex Community ID (the spec's no-base64 variant). */
    public String hexOf(int protocol, long sHi, long sLo, long dHi, long dLo, int sPort, int dPort) {
        byte[] hash = digest(protocol, sHi, sLo, dHi, dLo, sPort, dPort);
        StringBuilder sb = new StringBuilder("1:");
        for (byte b : hash) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private byte[] digest(int protocol, long sHi, long sLo, long dHi, long dLo, int sPort, int dPort) {
        boolean ports = sPort >= 0 && dPort >= 0;
        boolean oneWay = false;
        if (ports && (protocol == ICMP || protocol == ICMP6)) {
            int counterpart = protocol == ICMP ? icmpCounterpart(sPort) : icmp6Counterpart(sPort);
            if (counterpart >= 0) {
                dPort = counterpart;
            } else {
                oneWay = true;
            }
        }
        if (!oneWay && !ordered(sHi, sLo, dHi, dLo, sPort, dPort)) {
            long t = sHi;
            sHi = dHi;
            dHi = t;
            t = sLo;
            sLo = dLo;
            dLo = t;
            int p = sPort;
            sPort = dPort;
            dPort = p;
        }
        int n = 0;
        buffer[n++] = (byte) (seed >>> 8);
        buffer[n++] = (byte) seed;
        n = put(buffer, n, sHi, sLo);
        n = put(buffer, n, dHi, dLo);
        buffer[n++] = (byte) protocol;
        buffer[n++] = 0;
        if (ports) {
            buffer[n++] = (byte) (sPort >>> 8);
            buffer[n++] = (byte) sPort;
            buffer[n++] = (byte) (dPort >>> 8);
            buffer[n++] = (byte) dPort;
        }
        sha1.reset();
        sha1.update(buffer, 0, n);
        return sha1.digest();
    }

    /** Byte-wise order of the packed addresses (4 bytes for IPv4, 16 for IPv6), then the ports. */
    private static boolean ordered(long aHi, long aLo, long bHi, long bLo, int aPort, int bPort) {
        boolean aV4 = IpAddress.isV4(aHi, aLo);
        boolean bV4 = IpAddress.isV4(bHi, bLo);
        // Compare the first 32 bits of each packed form, then the rest; a 4-byte prefix sorts first on a tie.
        long aFirst = aV4 ? aLo & 0xFFFF_FFFFL : aHi >>> 32;
        long bFirst = bV4 ? bLo & 0xFFFF_FFFFL : bHi >>> 32;
        if (aFirst != bFirst) {
            return aFirst < bFirst;
        }
        if (aV4 != bV4) {
            return aV4;
        }
        if (!aV4) {
            int c = Long.compareUnsigned(aHi, bHi);
            if (c == 0) {
                c = Long.compareUnsigned(aLo, bLo);
            }
            if (c != 0) {
                return c < 0;
            }
        }
        return aPort <= bPort;
    }

    private static int put(byte[] b, int n, long hi, long lo) {
        if (IpAddress.isV4(hi, lo)) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                b[n++] = (byte) (lo >>> shift);
            }
            return n;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            b[n++] = (byte) (hi >>> shift);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            b[n++] = (byte) (lo >>> shift);
        }
        return n;
    }

    private static int icmpCounterpart(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 10 -> 9;
            case 9 -> 10;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    private static int icmp6Counterpart(int type) {
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 130 -> 131;
            case 131 -> 130;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> -1;
        };
    }
}
