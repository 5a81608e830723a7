package io.zeekagent.hub.zeek;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A Zeek node played with raw JeroMQ sockets, exactly as Zeek's ZeroMQ backend connects to a proxy: XSUB to the
 * proxy's XPUB (subscribing with {@code 0x01<prefix>} frames), XPUB with VERBOSE to the proxy's XSUB (seeing every
 * subscription of the cluster). Payloads are raw bytes, so tests control every byte. Not thread-safe.
 */
final class ZeekNode implements AutoCloseable {

    static final String NODE_ID = "zeromq_standalone_test_4242_NZ1";

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket xsub;
    private final ZMQ.Socket xpub;
    private final List<String> seenSubscriptions = new ArrayList<>();

    ZeekNode(String proxyXpub, String proxyXsub) {
        this(proxyXpub, proxyXsub, null, null);
    }

    /** A node whose sockets are CURVE clients of {@code serverKey} with {@code keys}, as Zeek's with curve_* set. */
    ZeekNode(String proxyXpub, String proxyXsub, @Nullable String serverKey, ZMQ.Curve.@Nullable KeyPair keys) {
        context.setLinger(0);
        xsub = context.createSocket(SocketType.XSUB);
        curve(xsub, serverKey, keys);
        xsub.connect(proxyXpub);
        xpub = context.createSocket(SocketType.XPUB);
        xpub.setXpubVerbose(true);
        curve(xpub, serverKey, keys);
        xpub.connect(proxyXsub);
    }

    private static void curve(ZMQ.Socket socket, @Nullable String serverKey, ZMQ.Curve.@Nullable KeyPair keys) {
        if (serverKey != null && keys != null) {
            socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
            socket.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey));
            socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey));
        }
    }

    void subscribe(String prefix) {
        byte[] topic = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[topic.length + 1];
        frame[0] = 1;
        System.arraycopy(topic, 0, frame, 1, topic.length);
        xsub.send(frame);
    }

    /** Waits until some peer's subscription to a prefix of {@code topic} reaches this node's XPUB. */
    boolean awaitSubscription(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String seen : seenSubscriptions) {
                if (topic.startsWith(seen)) {
                    return true;
                }
            }
            xpub.setReceiveTimeOut(50);
            byte[] frame = xpub.recv();
            if (frame != null && frame.length > 0 && frame[0] == 1) {
                seenSubscriptions.add(new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
            }
        }
        return false;
    }

    void publish(String topic, byte[] payload) {
        publish(topic, "broker-bin-v1", payload);
    }

    void publish(String topic, String serializer, byte[] payload) {
        xpub.sendMore(topic);
        xpub.sendMore(NODE_ID);
        xpub.sendMore(serializer);
        xpub.send(payload);
    }

    /** The next 4-frame message received within {@code timeout}, or {@code null}. */
    @Nullable
    List<byte[]> receive(Duration timeout) {
        xsub.setReceiveTimeOut((int) timeout.toMillis());
        byte[] first = xsub.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (xsub.hasReceiveMore()) {
            frames.add(xsub.recv());
        }
        return frames;
    }

    @Override
    public void close() {
        context.close();
    }
}
