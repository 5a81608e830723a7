package io.zeekagent.hub.zeromq;

import org.zeromq.ZMQ;

/**
 * Prints a new Z85 CURVE key pair, like Zeek's {@code Cluster::Backend::ZeroMQ::generate_keypair()}. Spring-free, so
 * it runs straight from the built jar: {@code bin/curve-keygen.sh} (see docs/security.md).
 */
public final class CurveKeygen {

    private CurveKeygen() {}

    /** Prints {@code public=<z85>} and {@code secret=<z85>}; with an argument, as {@code hub.zeromq.curve.<arg>-...}. */
    public static void main(String[] args) {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        // Z85 may contain "${", which Spring would read as a placeholder; such pairs are simply drawn again.
        while (pair.publicKey.contains("${") || pair.secretKey.contains("${")) {
            pair = ZMQ.Curve.generateKeyPair();
        }
        if (args.length == 1 && (args[0].equals("server") || args[0].equals("client"))) {
            System.out.println("hub.zeromq.curve." + args[0] + "-public-key=" + pair.publicKey);
            System.out.println("hub.zeromq.curve." + args[0] + "-secret-key=" + pair.secretKey);
        } else {
            System.out.println("public=" + pair.publicKey);
            System.out.println("secret=" + pair.secretKey);
        }
    }
}
