package io.zeekagent.hub.zeromq;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CURVE encryption and authentication of the bridge ({@code hub.zeromq.curve.*}), keys in Z85 as Zeek's
 * {@code Cluster::Backend::ZeroMQ::curve_*} options and {@code generate_keypair()} use them. All empty: no CURVE.
 *
 * @param serverPublicKey the proxy's public key. Embedded mode: the hub's proxy key, handed to agents; connect mode:
 *     the external Zeek proxy's key
 * @param serverSecretKey embedded mode: the proxy's secret key; set, it makes the proxy's XPUB and XSUB CURVE servers
 *     that admit only {@code allowedClientKeys}
 * @param clientPublicKey the public key the hub's own node sockets present (Zeek: the cluster's shared client key)
 * @param clientSecretKey the matching secret key
 * @param allowedClientKeys public keys of clients the embedded proxy admits (Zeek's cluster client key, agents'
 *     keys); {@code clientPublicKey} is always admitted too
 */
record CurveProperties(
        @Nullable String serverPublicKey,
        @Nullable String serverSecretKey,
        @Nullable String clientPublicKey,
        @Nullable String clientSecretKey,
        @DefaultValue List<String> allowedClientKeys) {

    CurveProperties {
        serverPublicKey = blankToNull(serverPublicKey);
        serverSecretKey = blankToNull(serverSecretKey);
        clientPublicKey = blankToNull(clientPublicKey);
        clientSecretKey = blankToNull(clientSecretKey);
        allowedClientKeys = allowedClientKeys.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        checkPair("server", serverPublicKey, serverSecretKey, false);
        checkPair("client", clientPublicKey, clientSecretKey, true);
        for (int i = 0; i < allowedClientKeys.size(); i++) {
            CurveKeys.decode(allowedClientKeys.get(i), "hub.zeromq.curve.allowed-client-keys[" + i + "]");
        }
        if (serverSecretKey != null && allowedClientKeys.isEmpty() && clientPublicKey == null) {
            throw new IllegalArgumentException("hub.zeromq.curve.server-secret-key is set but no client key is"
                    + " allowed: set hub.zeromq.curve.allowed-client-keys (or client-public-key)");
        }
    }

    /** Whether the embedded proxy's sockets are CURVE servers. */
    boolean serverEnabled() {
        return serverSecretKey != null;
    }

    /** Whether the hub's node sockets connect as CURVE clients (they need the server's public key too). */
    boolean clientEnabled() {
        return clientSecretKey != null && serverPublicKey != null;
    }

    /** The public keys the embedded proxy's ZAP handler admits. */
    Set<String> admittedClientKeys() {
        Set<String> admitted = new LinkedHashSet<>(allowedClientKeys);
        if (clientPublicKey != null) {
            admitted.add(clientPublicKey);
        }
        return Set.copyOf(admitted);
    }

    private static void checkPair(String role, @Nullable String publicKey, @Nullable String secretKey, boolean both) {
        String prefix = "hub.zeromq.curve." + role;
        if (publicKey != null) {
            CurveKeys.decode(publicKey, prefix + "-public-key");
        }
        if (secretKey == null) {
            if (both && publicKey != null) {
                throw new IllegalArgumentException(prefix + "-public-key is set without " + prefix + "-secret-key");
            }
            return;
        }
        CurveKeys.decode(secretKey, prefix + "-secret-key");
        if (publicKey == null) {
            throw new IllegalArgumentException(prefix + "-secret-key is set without " + prefix + "-public-key");
        }
        if (!CurveKeys.publicKeyOf(secretKey).equals(publicKey)) {
            throw new IllegalArgumentException(prefix + "-public-key does not belong to " + prefix + "-secret-key");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // Never print secret keys (this record ends up in logs and actuator output).
        return "CurveProperties[serverPublicKey=" + serverPublicKey + ", serverSecretKey="
                + (serverSecretKey == null ? "none" : "***") + ", clientPublicKey=" + clientPublicKey
                + ", clientSecretKey=" + (clientSecretKey == null ? "none" : "***") + ", allowedClientKeys="
                + allowedClientKeys + "]";
    }
}
