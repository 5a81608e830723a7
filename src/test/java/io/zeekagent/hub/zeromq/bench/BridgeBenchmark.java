package io.zeekagent.hub.zeromq.bench;

import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.zeromq.BenchmarkHub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * Events per second from N publishers through the embedded proxy into a hub handler (decoded), against raw JeroMQ
 * PUB→SUB of the same 4-frame messages in the same run. Not a unit test; run it with the command in docs/zeromq.md.
 *
 * <p>Arguments: {@code [publishers=4] [eventsPerRun] [rounds]}; the defaults follow {@code -Dbench.mode} (quick:
 * 100,000 events, 2 rounds; full: 2,000,000 events, 3 rounds). The figure goes through {@link BenchReport}.
 */
public final class BridgeBenchmark {

    private static final byte[] TOPIC = "/zeek/zeek-agent/zeek/ZeekMaster".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SENDER = "zeromq_bench_publisher".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERIALIZER = "broker-bin-v1".getBytes(StandardCharsets.UTF_8);

    private BridgeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int publishers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : BenchReport.size(100_000, 2_000_000);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : BenchReport.size(2, 3);
        byte[] payload = EventCodec.BIN_V1.encode(
                ZeekEvent.of("ZeekAgent::socket_event", BrokerValue.string("host-1"), BrokerValue.count(42)));
        System.out.printf(
                "publishers=%d events/run=%d payload=%d bytes, %d cores%n",
                publishers, events, payload.length, Runtime.getRuntime().availableProcessors());
        double bestRaw = 0;
        double bestBridge = 0;
        for (int round = 1; round <= rounds; round++) {
            double raw = raw(publishers, events, payload);
            double bridge = bridge(publishers, events, payload);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: raw %,.0f events/s, bridge %,.0f events/s, ratio %.2f%n",
                    round,
                    raw,
                    bridge,
                    bridge / raw);
            BenchReport.phase("round " + round + " done");
            bestRaw = Math.max(bestRaw, raw);
            bestBridge = Math.max(bestBridge, bridge);
        }
        System.out.printf(
                Locale.ROOT,
                "best: raw %,.0f events/s, bridge %,.0f events/s, ratio %.2f%n",
                bestRaw,
                bestBridge,
                bestBridge / bestRaw);
        BenchReport.figure(
                "bridge throughput, " + publishers + " publishers → embedded proxy → hub handler (decoded)",
                bestBridge,
                "events/s",
                "raw JeroMQ PUB→SUB, same 4-frame messages",
                bestRaw,
                "≥ 300,000 events/s and ≥ 50% of raw (issue 4)",
                bestBridge >= 300_000 && bestBridge >= 0.5 * bestRaw);
    }

    /** Raw JeroMQ: N publisher sockets → one SUB that only counts messages. */
    private static double raw(int publishers, int events, byte[] payload) throws InterruptedException {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.setRcvHWM(10_000);
            sub.bind("tcp://127.0.0.1:0");
            String endpoint = sub.getLastEndpoint();
            sub.subscribe(TOPIC);
            Counter counter = new Counter();
            Thread receiver = new Thread(() -> {
                while (counter.count.get() < events) {
                    Msg part = sub.recvMsg(0);
                    if (part != null && !part.hasMore()) {
                        counter.tick();
                    }
                }
            });
            receiver.start();
            List<Thread> senders = publishers(context, endpoint, publishers, events, payload);
            double rate = counter.awaitRate(events, senders);
            receiver.join(5000);
            return rate;
        }
    }

    /** Through the bridge: N publisher sockets → embedded proxy → hub node socket → dispatch thread → handler. */
    private static double bridge(int publishers, int events, byte[] payload) throws InterruptedException {
        try (BenchmarkHub hub = BenchmarkHub.start();
                ZContext context = new ZContext()) {
            Counter counter = new Counter();
            hub.channel().subscribe("/zeek/zeek-agent/zeek/", event -> counter.tick());
            List<Thread> senders = publishers(context, hub.proxyXsubEndpoint(), publishers, events, payload);
            double rate = counter.awaitRate(events, senders);
            if (counter.count.get() < events) {
                System.out.printf(
                        "  bridge delivered %d of %d (%d dropped by the bridge, rest by the proxy's HWM)%n",
                        counter.count.get(), events, hub.drops());
            }
            return rate;
        }
    }

    /** XPUB publishers with NODROP, so they block at the high-water mark instead of losing messages. */
    private static List<Thread> publishers(
            ZContext context, String endpoint, int publishers, int events, byte[] payload) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int share = events / publishers + (p < events % publishers ? 1 : 0);
            ZMQ.Socket pub = context.createSocket(SocketType.XPUB);
            pub.setXpubNoDrop(true);
            pub.setSndHWM(10_000);
            pub.connect(endpoint);
            Thread thread = new Thread(() -> {
                pub.recv(0); // the subscriber's subscription: no slow-joiner loss
                for (int i = 0; i < share; i++) {
                    pub.send(TOPIC, ZMQ.SNDMORE);
                    pub.send(SENDER, ZMQ.SNDMORE);
                    pub.send(SERIALIZER, ZMQ.SNDMORE);
                    pub.send(payload, 0);
                }
            });
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    /** Counts received events and times first to last. */
    private static final class Counter {
        final AtomicLong count = new AtomicLong();
        volatile long first;
        volatile long last;

        void tick() {
            long now = System.nanoTime();
            if (count.getAndIncrement() == 0) {
                first = now;
            }
            last = now;
        }

        /** Waits until all events arrived or none arrived for two seconds; events per second first to last. */
        double awaitRate(int events, List<Thread> senders) throws InterruptedException {
            LongSupplier seen = count::get;
            long previous = -1;
            long quietSince = System.nanoTime();
            while (seen.getAsLong() < events) {
                Thread.sleep(50);
                long now = seen.getAsLong();
                if (now != previous) {
                    previous = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 2_000_000_000L) {
                    break;
                }
            }
            for (Thread sender : senders) {
                sender.join(5000);
            }
            return count.get() / ((last - first) / 1e9);
        }
    }
}
