package io.zeekagent.hub.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A Broker address: 16 bytes in network order, held as two big-endian halves. IPv4 addresses are stored
 * IPv4-mapped ({@code ::ffff:a.b.c.d}) exactly as Broker does.
 */
public record AddressValue(long high, long low) implements BrokerValue {

    private static final long V4_MAPPED_LOW_PREFIX = 0x0000_FFFFL;

    /** Returns the IPv4-mapped address for four IPv4 bytes packed in an int. */
    public static AddressValue ofV4(int v4) {
        return new AddressValue(0, (V4_MAPPED_LOW_PREFIX << 32) | (v4 & 0xFFFF_FFFFL));
    }

    /** Returns the address for 16 network-order bytes at an offset. */
    public static AddressValue ofBytes(byte[] bytes, int offset) {
        return new AddressValue(BinV1.readLong(bytes, offset), BinV1.readLong(bytes, offset + 8));
    }

    /** Returns the address of an {@link InetAddress} (IPv4 becomes IPv4-mapped). */
    public static AddressValue of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ofV4(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        return ofBytes(b, 0);
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal without any name lookup.
     *
     * @throws BrokerFormatException when the text is not an address literal
     */
    public static AddressValue parse(String literal) {
        return AddressText.parse(literal);
    }

    /** Returns whether this is an IPv4(-mapped) address. */
    public boolean isV4() {
        return high == 0 && (low >>> 32) == V4_MAPPED_LOW_PREFIX;
    }

    /** Returns the 16 network-order bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[16];
        BinV1.writeLong(b, 0, high);
        BinV1.writeLong(b, 8, low);
        return b;
    }

    /** Returns this address as an {@link InetAddress} ({@code Inet4Address} for IPv4). */
    public InetAddress toInetAddress() {
        byte[] b = toBytes();
        try {
            return isV4()
                    ? InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16))
                    : InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of 4 or 16 bytes was rejected", e);
        }
    }

    @Override
    public BrokerType type() {
        return BrokerType.ADDRESS;
    }

    /** Returns the text form: a dotted quad for IPv4, compressed IPv6 otherwise. */
    @Override
    public String toString() {
        return AddressText.format(this);
    }
}
