package io.zeekagent.hub.attribution;

import org.jspecify.annotations.Nullable;

/** Transport protocols as the index compares them (rule 5): IANA numbers, ICMPv6 folded into ICMP, 0 unknown. */
final class Transport {

    static final int UNKNOWN = 0;
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;

    private Transport() {}

    /** A Zeek {@code proto} value or an API protocol name; anything else is unknown. */
    static int fromName(@Nullable CharSequence name) {
        if (name == null) {
            return UNKNOWN;
        }
        if (equalsIgnoreCase(name, "tcp")) {
            return TCP;
        }
        if (equalsIgnoreCase(name, "udp")) {
            return UDP;
        }
        if (equalsIgnoreCase(name, "icmp") || equalsIgnoreCase(name, "icmp6")) {
            return ICMP;
        }
        return UNKNOWN;
    }

    /** The IANA protocol number for the Community ID, or -1 when the hash is not defined for it. */
    static int ianaNumber(int transport, boolean v4) {
        return switch (transport) {
            case TCP -> CommunityId.TCP;
            case UDP -> CommunityId.UDP;
            case ICMP -> v4 ? CommunityId.ICMP : CommunityId.ICMP6;
            default -> -1;
        };
    }

    private static boolean equalsIgnoreCase(CharSequence a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < b.length(); i++) {
            if (Character.toLowerCase(a.charAt(i)) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
