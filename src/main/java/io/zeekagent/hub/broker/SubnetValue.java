package io.zeekagent.hub.broker;

import java.util.Objects;

/**
 * A Broker subnet. {@code rawLength} is the prefix length as Broker stores it: relative to 128 bits, so an
 * IPv4 /24 has raw length 120; {@link #length()} gives the familiar one.
 */
public record SubnetValue(AddressValue network, int rawLength) implements BrokerValue {

    /** Checks the raw length fits the address family. */
    public SubnetValue {
        Objects.requireNonNull(network, "network");
        if (rawLength < (network.isV4() ? 96 : 0) || rawLength > 128) {
            throw new IllegalArgumentException("subnet prefix length out of range: " + rawLength);
        }
    }

    /** Returns the subnet of an address and a family-relative prefix length, host bits masked. */
    public static SubnetValue of(AddressValue address, int length) {
        int max = address.isV4() ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of range 0.." + max);
        }
        int raw = address.isV4() ? length + 96 : length;
        long highMask = raw >= 64 ? -1L : raw == 0 ? 0 : -1L << (64 - raw);
        long lowMask = raw <= 64 ? 0 : raw == 128 ? -1L : -1L << (128 - raw);
        return new SubnetValue(new AddressValue(address.high() & highMask, address.low() & lowMask), raw);
    }

    /**
     * Parses {@code address/length}.
     *
     * @throws BrokerFormatException when the text is not a subnet
     */
    public static SubnetValue parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new BrokerFormatException("subnet without '/': " + cidr);
        }
        AddressValue address = AddressValue.parse(cidr.substring(0, slash));
        String digits = cidr.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BrokerFormatException("bad subnet prefix length: " + cidr);
        }
        int length = Integer.parseInt(digits);
        if (length > (address.isV4() ? 32 : 128)) {
            throw new BrokerFormatException("subnet prefix length too large: " + cidr);
        }
        return of(address, length);
    }

    /** Returns the prefix length relative to the address family (0–32 for IPv4). */
    public int length() {
        return network.isV4() ? rawLength - 96 : rawLength;
    }

    @Override
    public BrokerType type() {
        return BrokerType.SUBNET;
    }

    @Override
    public String toString() {
        return network + "/" + length();
    }
}
