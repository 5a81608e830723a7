package io.zeekagent.hub.zeromq;

import org.zeromq.ZMQ;

/** Applies {@link CurveProperties} to sockets: the proxy's as CURVE servers, the hub node's as CURVE clients. */
final class CurveSockets {

    private CurveSockets() {}

    /** Makes {@code socket} a CURVE server whose clients the {@link ZapHandler} vets; nothing when CURVE is off. */
    static void server(ZMQ.Socket socket, CurveProperties curve) {
        String secret = curve.serverSecretKey();
        if (secret == null) {
            return;
        }
        socket.setZapDomain(ZapHandler.DOMAIN);
        socket.setCurveServer(true);
        socket.setCurveSecretKey(CurveKeys.decode(secret, "hub.zeromq.curve.server-secret-key"));
    }

    /** Makes {@code socket} a CURVE client of the server key; nothing unless a client pair and server key are set. */
    static void client(ZMQ.Socket socket, CurveProperties curve) {
        String serverKey = curve.serverPublicKey();
        String publicKey = curve.clientPublicKey();
        String secretKey = curve.clientSecretKey();
        if (serverKey == null || publicKey == null || secretKey == null) {
            return;
        }
        socket.setCurveServerKey(CurveKeys.decode(serverKey, "hub.zeromq.curve.server-public-key"));
        socket.setCurvePublicKey(CurveKeys.decode(publicKey, "hub.zeromq.curve.client-public-key"));
        socket.setCurveSecretKey(CurveKeys.decode(secretKey, "hub.zeromq.curve.client-secret-key"));
    }
}
