package io.zeekagent.hub.zeromq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Socket options every bridge socket shares, and the subscription frames of ZeroMQ's XPUB/XSUB protocol. */
final class Sockets {

    /** JeroMQ sends the heartbeat TTL in deciseconds in a 16-bit field. */
    private static final int MAX_HEARTBEAT_TTL_MILLIS = 6_553_500;

    private Sockets() {}

    /** Bounded linger, and ZMTP heartbeats so that a peer that vanished without closing is disconnected. */
    static void configure(ZMQ.Socket socket, ZeromqProperties properties) {
        socket.setLinger(properties.lingerMillis());
        int interval = properties.heartbeatIntervalMillis();
        if (interval > 0) {
            socket.setHeartbeatIvl(interval);
            socket.setHeartbeatTimeout(properties.heartbeatTimeoutMillis());
            socket.setHeartbeatTtl(Math.min(MAX_HEARTBEAT_TTL_MILLIS, properties.heartbeatTimeoutMillis()));
        }
    }

    /**
     * Closes the context, waiting at most {@code grace}; returns whether it closed. Terminating a ZeroMQ context
     * blocks until every socket of it is closed, so one socket left open by a thread that died (seen once in JeroMQ
     * 0.6.0: a pipe's peer mailbox closed under the node thread) would hang the hub's shutdown forever. The close
     * runs on a daemon thread, which is abandoned when it does not finish in time.
     */
    static boolean closeWithin(ZContext context, Duration grace) {
        Thread closer = new Thread(context::close, "zeromq-context-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }

    /** {@code 0x01 || topic}: what an XSUB sends to subscribe and an XPUB receives. */
    static byte[] subscribeFrame(String topic) {
        return frame((byte) 1, topic);
    }

    /** {@code 0x00 || topic}: unsubscribe. */
    static byte[] unsubscribeFrame(String topic) {
        return frame((byte) 0, topic);
    }

    private static byte[] frame(byte kind, String topic) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[bytes.length + 1];
        frame[0] = kind;
        System.arraycopy(bytes, 0, frame, 1, bytes.length);
        return frame;
    }
}
