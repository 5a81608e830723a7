package io.zeekagent.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key format and its hashing. A key is {@code zah_} + a 12-character key id (9 random bytes) + a 43-character
 * secret (32 random bytes), all URL-safe base64 without padding. The key id is public and finds the row; only the
 * SHA-256 of the whole key is stored. A plain, unsalted hash is right here: the keys carry 256 random bits, so there
 * is nothing for a slow password hash to protect against, and it keeps each request cheap.
 */
final class ApiKeySecrets {

    static final String PREFIX = "zah_";
    static final int KEY_ID_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    static final int KEY_LENGTH = PREFIX.length() + KEY_ID_LENGTH + SECRET_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ApiKeySecrets() {}

    /** A fresh random key. */
    static String generate() {
        byte[] id = new byte[9];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return PREFIX + ENCODER.encodeToString(id) + ENCODER.encodeToString(secret);
    }

    /** The key id of a key in the hub's format, or empty for anything else. */
    static Optional<String> keyIdOf(String key) {
        if (key.length() != KEY_LENGTH || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean urlSafe =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!urlSafe) {
                return Optional.empty();
            }
        }
        return Optional.of(key.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH));
    }

    /** SHA-256 of the key's UTF-8 bytes. */
    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of the key as lower-case hex, the stored form. */
    static String hashHex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares a presented key's hash with a stored hex hash in constant time. */
    static boolean matches(byte[] presentedHash, String storedHex) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(presentedHash, stored);
    }
}
