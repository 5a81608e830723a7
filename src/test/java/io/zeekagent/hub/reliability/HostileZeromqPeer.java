package io.zeekagent.hub.reliability;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A raw JeroMQ peer that connects to the hub's proxy as a Zeek node would and sends it everything but valid
 * traffic: random frame counts and bytes, mutated (bit-flipped, truncated, extended) Broker payloads, unknown
 * serializers, garbage JSON, and well-formed events with wrong arities and types at the agent layer ({@code host_new}
 * and result rows with bad cookies, wrong column counts, wrong value types).
 */
final class HostileZeromqPeer implements AutoCloseable {

    private static final byte[] SENDER = "zeromq_hostile_1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BIN = "broker-bin-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON = "broker-json-v1".getBytes(StandardCharsets.UTF_8);
    private static final String ANNOUNCE = "/zeek/zeek-agent/host_announce";
    private static final String RESULTS = "/zeek/zeek-agent/zeek/ZeekMaster";

    private final ZContext context = new ZContext();
    private final String endpoint;
    private ZMQ.Socket publisher;
    private boolean hubListening;
    private final Random random = new Random(10);
    private int sent;

    HostileZeromqPeer(String hubXsubEndpoint) {
        endpoint = hubXsubEndpoint;
        publisher = connect();
    }

    private ZMQ.Socket connect() {
        ZMQ.Socket socket = context.createSocket(SocketType.XPUB);
        socket.setLinger(0);
        socket.setSndHWM(0);
        socket.connect(endpoint);
        return socket;
    }

    /**
     * Waits until the hub's subscriptions reached this peer, replacing a connection that saw none within {@code
     * each} (up to {@code tries} connections): on a loaded CI machine a connection's subscriptions once never came.
     */
    boolean awaitHubListening(Duration each, int tries) throws InterruptedException {
        for (int attempt = 0; attempt < tries; attempt++) {
            long deadline = System.nanoTime() + each.toNanos();
            while (System.nanoTime() < deadline) {
                if (hubListens()) {
                    return true;
                }
                Thread.sleep(50);
            }
            context.destroySocket(publisher);
            publisher = connect();
        }
        return false;
    }

    /** True once the hub's subscriptions reached this peer (before that, XPUB drops what it sends). */
    boolean hubListens() {
        // Drain every subscription forwarded so far: the proxy forwards each peer's and the hub's own (agent topics,
        // the Zeek package's request and control topics), more than one poll of one message each keeps up with.
        for (byte[] s = publisher.recv(ZMQ.DONTWAIT); s != null; s = publisher.recv(ZMQ.DONTWAIT)) {
            if (new String(s, StandardCharsets.UTF_8).contains("/zeek/zeek-agent")) {
                hubListening = true;
            }
        }
        return hubListening;
    }

    int sent() {
        return sent;
    }

    /** Sends {@code rounds} of every kind of hostile message; {@code cookie} is a real SOCKET_EVENTS subscription. */
    void attack(int rounds, String cookie, Duration pacing) throws InterruptedException {
        byte[] validRow = EventCodec.BIN_V1.encode(row(cookie, socketRow()));
        byte[] validAnnounce = EventCodec.BIN_V1.encode(hostNew(7));
        for (int i = 0; i < rounds; i++) {
            randomFrames();
            send(topic(), SENDER, BIN, mutate(validRow));
            send(bytes(ANNOUNCE), SENDER, BIN, mutate(validAnnounce));
            send(topic(), SENDER, random.nextBoolean() ? JSON : bytes("zeek-bin-serializer"), garbageJson());
            send(bytes(ANNOUNCE), SENDER, BIN, EventCodec.BIN_V1.encode(hostNew(random.nextInt(11))));
            send(bytes(RESULTS), SENDER, BIN, EventCodec.BIN_V1.encode(row(badCookie(), socketRow())));
            send(bytes(RESULTS), SENDER, BIN, EventCodec.BIN_V1.encode(row(cookie, randomValues(random.nextInt(30)))));
            send(
                    bytes(RESULTS),
                    SENDER,
                    BIN,
                    EventCodec.BIN_V1.encode(ZeekEvent.of(
                            "ZeekAgent::socket_event",
                            randomValues(random.nextInt(4)).toArray(BrokerValue[]::new))));
            try {
                send(
                        bytes(RESULTS),
                        SENDER,
                        JSON,
                        EventCodec.forName("broker-json-v1").encode(row(cookie, randomValues(17))));
            } catch (RuntimeException unencodable) {
                // JSON has no NaN: the encoder refuses what no peer could send either.
            }
            if (!pacing.isZero()) {
                Thread.sleep(pacing.toMillis());
            }
        }
    }

    private void randomFrames() {
        int frames = 1 + random.nextInt(7);
        byte[][] parts = new byte[frames][];
        parts[0] = bytes(topic());
        for (int f = 1; f < frames; f++) {
            parts[f] = new byte[random.nextInt(96)];
            random.nextBytes(parts[f]);
        }
        send(parts);
    }

    private byte[] mutate(byte[] valid) {
        byte[] out;
        switch (random.nextInt(3)) {
            case 0 -> out = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> {
                out = java.util.Arrays.copyOf(valid, valid.length + 1 + random.nextInt(16));
                for (int i = valid.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                out = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return out;
    }

    private byte[] garbageJson() {
        String[] samples = {
            "{",
            "[]",
            "{\"@data-type\":\"vector\",\"data\":[",
            "null",
            "[1,1,[\"ev\",[{\"@data-type\":\"count\"}]]]",
            "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"count\",\"data\":-1}]}",
            "\u0000\u00ff",
            "[".repeat(5000)
        };
        return bytes(samples[random.nextInt(samples.length)]);
    }

    private ZeekEvent hostNew(int arity) {
        List<BrokerValue> args = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            args.add(random.nextInt(3) == 0 ? randomValue() : BrokerValue.string("hostile-" + random.nextInt(5)));
        }
        if (arity == 7 && random.nextBoolean()) {
            args.set(3, BrokerValue.vector(BrokerValue.string("g"), BrokerValue.count(1)));
            args.set(6, BrokerValue.vector(BrokerValue.string("not an address"), BrokerValue.string("::ffff:x")));
        }
        return ZeekEvent.of("ZeekAgent::host_new", args.toArray(BrokerValue[]::new));
    }

    private static ZeekEvent row(String cookie, List<BrokerValue> values) {
        List<BrokerValue> args = new ArrayList<>();
        args.add(BrokerValue.vector(
                BrokerValue.string("hostile-host"),
                BrokerValue.enumValue("ZeekAgent::ADD"),
                BrokerValue.string(cookie)));
        args.addAll(values);
        return ZeekEvent.of("ZeekAgent::socket_event", args.toArray(BrokerValue[]::new));
    }

    private List<BrokerValue> socketRow() {
        List<BrokerValue> values = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            values.add(BrokerValue.integer(i));
        }
        return values;
    }

    private List<BrokerValue> randomValues(int n) {
        List<BrokerValue> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(randomValue());
        }
        return values;
    }

    private BrokerValue randomValue() {
        return switch (random.nextInt(10)) {
            case 0 -> BrokerValue.none();
            case 1 -> BrokerValue.bool(random.nextBoolean());
            case 2 -> BrokerValue.count(random.nextLong() & Long.MAX_VALUE);
            case 3 -> BrokerValue.integer(random.nextLong());
            case 4 -> BrokerValue.real(random.nextBoolean() ? Double.NaN : random.nextDouble() * 1e300);
            case 5 -> BrokerValue.string("' OR 1=1 --" + "x".repeat(random.nextInt(3) * 4000));
            case 6 -> BrokerValue.address("::ffff:10.0.0." + random.nextInt(256));
            case 7 -> BrokerValue.timestamp(Instant.ofEpochSecond(random.nextLong() % 9_000_000_000L));
            case 8 -> BrokerValue.vector(BrokerValue.string("nested"), BrokerValue.vector(BrokerValue.none()));
            default -> BrokerValue.enumValue("ZeekAgent::" + random.nextInt(3));
        };
    }

    private String topic() {
        String[] topics = {ANNOUNCE, RESULTS, "/zeek/zeek-agent/hosts", "/zeek/zeek-agent/zeek/", "/zeek/zeek-agent/x"};
        return topics[random.nextInt(topics.length)];
    }

    private String badCookie() {
        String[] cookies = {"", "unknown-cookie", "' OR 1=1 --", "../../etc", "x".repeat(10_000), "\u0000"};
        return cookies[random.nextInt(cookies.length)];
    }

    private void send(String topic, byte[]... rest) {
        byte[][] parts = new byte[rest.length + 1][];
        parts[0] = bytes(topic);
        System.arraycopy(rest, 0, parts, 1, rest.length);
        send(parts);
    }

    private void send(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            publisher.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
        sent++;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
