package io.zeekagent.hub.net;

/**
 * A mutable IP address parsed without allocation or DNS: 128 bits as two longs, IPv4 stored in its IPv4-mapped
 * IPv6 form ({@code ::ffff:a.b.c.d}) so that a mapped address and the plain IPv4 address are the same value. The one
 * address-literal parser of the hub: attribution and ingestion use it on their hot paths, {@link IpAddresses}
 * (normalised text, CIDR matching) builds on it.
 *
 * <p>Not thread-safe: hot paths keep one per thread and reuse it.
 */
public final class IpAddress {

    /** The high 32 bits of {@link #lo()} of an IPv4-mapped address. */
    public static final long V4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    private final int[] groups = new int[8];
    private long hi;
    private long lo;

    /** The high 64 bits of the last parsed address. */
    public long hi() {
        return hi;
    }

    /** The low 64 bits of the last parsed address. */
    public long lo() {
        return lo;
    }

    /** Whether the last parsed address is an IPv4 (or IPv4-mapped IPv6) address. */
    public boolean isV4() {
        return isV4(hi, lo);
    }

    /** Whether a stored address is IPv4 (IPv4-mapped). */
    public static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_PREFIX;
    }

    /** Whether a stored address means "any": {@code 0.0.0.0} or {@code ::}. */
    public static boolean isWildcard(long hi, long lo) {
        return hi == 0 && (lo == 0 || lo == V4_MAPPED_PREFIX);
    }

    /** The last parsed address as 4 bytes (IPv4, mapped or not) or 16 bytes (IPv6), network order. */
    public byte[] toBytes() {
        if (isV4()) {
            int v4 = (int) lo;
            return new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4};
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (hi >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** Parses the whole text; {@code false} (and this object unchanged) when it is not an IP address. */
    public boolean parse(CharSequence text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[start, end)}; an IPv6 zone suffix ({@code %eth0}) is ignored. */
    public boolean parse(CharSequence text, int start, int end) {
        int zone = indexOf(text, '%', start, end);
        if (zone >= 0) {
            end = zone;
        }
        if (end <= start) {
            return false;
        }
        if (indexOf(text, ':', start, end) < 0) {
            long v4 = parseV4(text, start, end, false);
            if (v4 < 0) {
                return false;
            }
            hi = 0;
            lo = V4_MAPPED_PREFIX | v4;
            return true;
        }
        return parseV6(text, start, end);
    }

    private static int indexOf(CharSequence text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The dotted quad as an unsigned 32-bit value, or -1. A bare IPv4 address may not have leading zeros (is
     * {@code 010} octal?); inside IPv6 they are accepted as decimal, as {@link java.net.InetAddress} does.
     */
    private static long parseV4(CharSequence text, int start, int end, boolean embedded) {
        long result = 0;
        int octets = 0;
        int i = start;
        while (i <= end) {
            int value = 0;
            int digits = 0;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                digits++;
                i++;
                if (value > 255) {
                    return -1;
                }
            }
            if (digits == 0 || (!embedded && digits > 1 && text.charAt(i - digits) == '0')) {
                return -1;
            }
            result = (result << 8) | value;
            octets++;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
        return octets == 4 ? result : -1;
    }

    private boolean parseV6(CharSequence text, int start, int end) {
        int[] groups = this.groups;
        int count = 0;
        int gap = -1;
        int i = start;
        if (text.charAt(i) == ':') {
            if (end - start < 2 || text.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < end) {
            if (count == 8) {
                return false;
            }
            int groupStart = i;
            int value = 0;
            // Like InetAddress: a group is any run of hex digits worth at most 0xffff (leading zeros allowed).
            while (i < end && Character.digit(text.charAt(i), 16) >= 0) {
                value = (value << 4) | Character.digit(text.charAt(i), 16);
                i++;
                if (value > 0xFFFF) {
                    return false;
                }
            }
            if (i < end && text.charAt(i) == '.') {
                long v4 = parseV4(text, groupStart, end, true);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = end;
                break;
            }
            if (i == groupStart) {
                return false;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
            } else if (i == end) {
                return false;
            }
        }
        if (gap < 0 ? count != 8 : count == 8) {
            return false;
        }
        long h = 0;
        long l = 0;
        int shift = gap < 0 ? 0 : 8 - count;
        for (int g = 0; g < count; g++) {
            int position = g < gap || gap < 0 ? g : g + shift;
            if (position < 4) {
                h |= ((long) groups[g]) << (48 - 16 * position);
            } else {
                l |= ((long) groups[g]) << (48 - 16 * (position - 4));
            }
        }
        hi = h;
        lo = l;
        return true;
    }
}
