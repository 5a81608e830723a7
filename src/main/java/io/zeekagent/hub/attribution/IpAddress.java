package io.zeekagent.hub.attribution;

/**
 * A mutable IP address parsed without allocation or DNS: 128 bits as two longs, IPv4 stored in its IPv4-mapped
 * IPv6 form ({@code ::ffff:a.b.c.d}) so that a mapped address and the plain IPv4 address are the same value.
 *
 * <p>Not thread-safe: hot paths keep one per thread and reuse it.
 */
public final class IpAddress {

    static final long V4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

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

    static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_PREFIX;
    }

    /** Whether a stored address means "any": {@code 0.0.0.0} or {@code ::}. */
    static boolean isWildcard(long hi, long lo) {
        return hi == 0 && (lo == 0 || lo == V4_MAPPED_PREFIX);
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
        if (end <= start || end - start > 45) {
            return false;
        }
        if (indexOf(text, ':', start, end) < 0) {
            long v4 = parseV4(text, start, end);
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

    /** The dotted quad as an unsigned 32-bit value, or -1. */
    private static long parseV4(CharSequence text, int start, int end) {
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
                if (digits > 3) {
                    return -1;
                }
            }
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(i - digits) == '0')) {
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
        int[] groups = new int[8];
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
            while (i < end && Character.digit(text.charAt(i), 16) >= 0 && i - groupStart < 4) {
                value = (value << 4) | Character.digit(text.charAt(i), 16);
                i++;
            }
            if (i < end && text.charAt(i) == '.') {
                long v4 = parseV4(text, groupStart, end);
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
