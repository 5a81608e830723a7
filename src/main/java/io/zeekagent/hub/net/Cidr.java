package io.zeekagent.hub.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 network in CIDR notation. Host bits are cleared ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}), a bare
 * address is a single-host network, and an IPv4-mapped IPv6 network ({@code ::ffff:10.0.0.0/104}) is the IPv4 network
 * it maps, so it matches IPv4 addresses.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code address/prefix} (or a bare address); the message of the exception says what is wrong. */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        boolean mapped =
                addressPart.toLowerCase(java.util.Locale.ROOT).startsWith("::ffff:") && addressPart.indexOf('.') > 0;
        InetAddress address = IpAddresses.parse(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = s.substring(slash + 1);
            int maxPrefix = mapped ? 128 : bits;
            if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > maxPrefix) {
                throw new IllegalArgumentException(
                        "'" + text + "' has an invalid prefix length (0.." + maxPrefix + " expected)");
            }
            prefix = Integer.parseInt(prefixText);
            if (mapped) {
                if (prefix < 96) {
                    throw new IllegalArgumentException(
                            "'" + text + "' covers more than the IPv4-mapped range (prefix 96..128 expected)");
                }
                prefix -= 96;
            }
        }
        return new Cidr(mask(address.getAddress(), prefix), prefix);
    }

    /** The network, or empty when {@code text} is not a valid CIDR. */
    public static Optional<Cidr> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the address literal lies in this network; invalid text and the other IP family never do. */
    public boolean contains(String address) {
        return IpAddresses.parse(address).map(this::contains).orElse(false);
    }

    /** Whether the address lies in this network; an address of the other IP family never does. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && Arrays.equals(mask(candidate, prefixLength), network);
    }

    public int prefixLength() {
        return prefixLength;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Cidr other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** Canonical text, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        try {
            return IpAddresses.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
