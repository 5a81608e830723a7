package io.zeekagent.hub.broker;

/**
 * Broker's binary format "bin v1": a tag byte and a body per value, big-endian fixed-width numbers and
 * varbyte lengths, with the quirks Zeek's peers expect (IPv4-mapped addresses, +96 IPv4 subnet prefixes,
 * CAF's swapped infinities, sorted sets and tables).
 */
public final class BinV1 {

    /** Deepest container nesting the decoder accepts; deeper input is rejected, never recursed into. */
    public static final int MAX_DEPTH = 64;

    private BinV1() {}

    /** Encodes a value to bin v1 bytes. */
    public static byte[] encode(BrokerValue value) {
        BinWriter writer = new BinWriter(256);
        writer.write(value);
        return writer.toByteArray();
    }

    /**
     * Decodes exactly one value that must fill the whole array.
     *
     * @throws BrokerFormatException when the bytes are not one valid bin v1 value
     */
    public static BrokerValue decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes exactly one value that must fill {@code length} bytes from {@code offset}; error offsets are
     * relative to {@code offset}.
     *
     * @throws BrokerFormatException when the bytes are not one valid bin v1 value
     * @throws IndexOutOfBoundsException when the range lies outside the array
     */
    public static BrokerValue decode(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        return new BinReader(bytes, offset, offset + length).readWhole();
    }

    static long readLong(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 56)
                | ((long) (b[i + 1] & 0xFF) << 48)
                | ((long) (b[i + 2] & 0xFF) << 40)
                | ((long) (b[i + 3] & 0xFF) << 32)
                | ((long) (b[i + 4] & 0xFF) << 24)
                | ((b[i + 5] & 0xFF) << 16)
                | ((b[i + 6] & 0xFF) << 8)
                | (b[i + 7] & 0xFF);
    }

    static void writeLong(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 56);
        b[i + 1] = (byte) (v >>> 48);
        b[i + 2] = (byte) (v >>> 40);
        b[i + 3] = (byte) (v >>> 32);
        b[i + 4] = (byte) (v >>> 24);
        b[i + 5] = (byte) (v >>> 16);
        b[i + 6] = (byte) (v >>> 8);
        b[i + 7] = (byte) v;
    }
}
