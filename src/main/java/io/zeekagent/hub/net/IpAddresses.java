package io.zeekagent.hub.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses and normalises IP address literals: IPv4 as dotted quad, IPv6 in RFC 5952 form, an IPv4-mapped IPv6
 * address ({@code ::ffff:a.b.c.d}) as the IPv4 address it maps, a {@code %zone} suffix dropped. Host names are
 * never resolved. Parsing is {@link IpAddress}'s; this class adds the text forms.
 */
public final class IpAddresses {

    private IpAddresses() {}

    /** The address, or empty when {@code text} (surrounding whitespace ignored) is not an IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        IpAddress parsed = new IpAddress();
        if (!parsed.parse(text.strip())) {
            return Optional.empty();
        }
        try {
            // From bytes, never a lookup; an IPv4-mapped address comes out as the Inet4Address it maps.
            return Optional.of(InetAddress.getByAddress(parsed.toBytes()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    /** The canonical text of an address literal, or empty when it is not one. */
    public static Optional<String> normalize(String text) {
        return parse(text).map(IpAddresses::format);
    }

    /** Whether {@code text} is an IPv4 or IPv6 literal. */
    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 (lower case, longest zero run as {@code ::}) for IPv6. */
    public static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
