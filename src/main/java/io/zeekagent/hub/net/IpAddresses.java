package io.zeekagent.hub.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and normalises IP address literals: IPv4 as dotted quad, IPv6 in RFC 5952 form, an IPv4-mapped IPv6
 * address ({@code ::ffff:a.b.c.d}) as the IPv4 address it maps, a {@code %zone} suffix dropped. Host names are
 * never resolved.
 */
public final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private IpAddresses() {}

    /** The address, or empty when {@code text} is not an IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        String s = text.strip();
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean literal = IPV4.matcher(s).matches()
                || (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches());
        if (!literal) {
            return Optional.empty();
        }
        try {
            // A literal never triggers a lookup; Java also turns IPv4-mapped IPv6 into an Inet4Address.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
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
