package io.zeekagent.hub.attribution;

import io.zeekagent.hub.net.IpAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Community ID v1 text ({@code 1:} and the base64 of a SHA-1): the check that a text is one, the hash's words read
 * straight from the text without decoding it to bytes first ({@link FlowMemory} keys flows by them), and the ID of
 * a tuple.
 */
final class CommunityIdText {

    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private CommunityIdText() {}

    /** The Community ID of a tuple (seed 0), or {@code null} for a transport without one. */
    static @Nullable String of(ConnectionTuple c, CommunityId hasher) {
        int protocol = Transport.ianaNumber(c.transport(), IpAddress.isV4(c.origHi(), c.origLo()));
        if (protocol < 0) {
            return null;
        }
        return hasher.of(protocol, c.origHi(), c.origLo(), c.respHi(), c.respLo(), c.origPort(), c.respPort());
    }

    /**
     * Whether {@code text} is a Community ID v1 in base64: {@code 1:}, 27 base64 characters and {@code =}, which is
     * exactly the 20 bytes of a SHA-1 (the two bits past them zero, as every encoder writes them).
     */
    static boolean isValid(String text) {
        if (text.length() != 30 || text.charAt(0) != '1' || text.charAt(1) != ':' || text.charAt(29) != '=') {
            return false;
        }
        for (int i = 2; i < 29; i++) {
            char ch = text.charAt(i);
            if (ch >= 128 || BASE64[ch] < 0) {
                return false;
            }
        }
        return (BASE64[text.charAt(28)] & 0x3) == 0;
    }

    /**
     * Bytes {@code [from, from + 8)} of the hash as a big-endian long, read straight from the base64 text (which
     * {@link #isValid} accepted).
     */
    static long word(String text, int from) {
        long v = 0;
        for (int k = from; k < from + 8; k++) {
            int bit = 8 * k;
            int ci = 2 + bit / 6;
            int pair = (BASE64[text.charAt(ci)] << 6) | BASE64[text.charAt(ci + 1)];
            v = (v << 8) | ((pair >> (4 - bit % 6)) & 0xFF);
        }
        return v;
    }
}
