package io.zeekagent.hub.broker;

/**
 * CAF's {@code pack754}/{@code unpack754}, which bin v1 uses for reals: IEEE-754 bits for normal numbers,
 * but NaN is all ones, +inf and -inf are swapped, and subnormals go through CAF's (lossy) generic path.
 */
final class Ieee754 {

    static final long PACKED_NAN = -1L;
    static final long PACKED_POSITIVE_INFINITY = 0xFFF0_0000_0000_0000L;
    static final long PACKED_NEGATIVE_INFINITY = 0x7FF0_0000_0000_0000L;
    private static final long SIGN = 0x8000_0000_0000_0000L;
    private static final long FRACTION_MASK = 0x000F_FFFF_FFFF_FFFFL;

    private Ieee754() {}

    static long pack(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent != 0 && exponent != 0x7FF) {
            return bits;
        }
        if (Double.isNaN(d)) {
            return PACKED_NAN;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? PACKED_POSITIVE_INFINITY : PACKED_NEGATIVE_INFINITY;
        }
        if ((bits & ~SIGN) == 0) {
            return bits;
        }
        // Subnormal: CAF normalises by hand and lets the negative biased exponent spill into the sign bit.
        long fraction = bits & FRACTION_MASK;
        int highest = 63 - Long.numberOfLeadingZeros(fraction);
        long shift = highest - 1074L;
        long significand = (fraction << (52 - highest)) & FRACTION_MASK;
        long biased = shift + 1023;
        return (bits & SIGN) | (biased << 52) | significand;
    }

    static double unpack(long bits) {
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent != 0 && exponent != 0x7FF) {
            return Double.longBitsToDouble(bits);
        }
        if (bits == PACKED_NAN) {
            return Double.NaN;
        }
        if (bits == PACKED_POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (bits == PACKED_NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if ((bits & ~SIGN) == 0) {
            return Double.longBitsToDouble(bits);
        }
        double magnitude = Math.scalb(1.0 + (bits & FRACTION_MASK) / (double) (1L << 52), exponent - 1023);
        return bits < 0 ? -magnitude : magnitude;
    }
}
