package io.zeekagent.hub.zeromq;

import com.neilalexander.jnacl.crypto.curve25519;
import java.util.Arrays;
import org.zeromq.ZMQ;

/**
 * Z85 CURVE keys as Zeek writes them: 40 characters for 32 bytes. Validation (public: other features' settings name
 * keys too) and public-from-secret derivation.
 */
public final class CurveKeys {

    static final int Z85_LENGTH = 40;
    private static final String Z85_ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    private CurveKeys() {}

    /** The 32 key bytes of a Z85 key, or an {@link IllegalArgumentException} naming {@code what}. */
    public static byte[] decode(String z85, String what) {
        if (z85.length() != Z85_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be a 40-character Z85 CURVE key, got " + z85.length() + " characters");
        }
        for (int i = 0; i < z85.length(); i++) {
            if (Z85_ALPHABET.indexOf(z85.charAt(i)) < 0) {
                throw new IllegalArgumentException(what + " is not Z85: bad character at position " + i);
            }
        }
        byte[] key = ZMQ.Curve.z85Decode(z85);
        if (key == null || key.length != ZMQ.Curve.KEY_SIZE) {
            throw new IllegalArgumentException(what + " does not decode to a 32-byte key");
        }
        return key;
    }

    /** The Z85 public key belonging to a Z85 secret key. */
    static String publicKeyOf(String secretZ85) {
        byte[] secret = decode(secretZ85, "secret key");
        byte[] publicKey = new byte[ZMQ.Curve.KEY_SIZE];
        curve25519.crypto_scalarmult_base(publicKey, secret);
        Arrays.fill(secret, (byte) 0);
        return ZMQ.Curve.z85Encode(publicKey);
    }
}
