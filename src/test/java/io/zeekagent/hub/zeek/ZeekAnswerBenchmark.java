package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.attribution.LiveAttributionFixture;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.zeromq.TestHub;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Zeek attribution requests through the bridge → answers published: a Zeek node played by raw JeroMQ sockets sends
 * {@code attribute_request}s over TCP through the hub's embedded proxy and reads the answers on its inbox. Figures:
 * answered requests per second when sending flat out (baseline: the in-process attribution rate of the same
 * requests, same run), and the p99 round trip when sending 20,000 requests per second. Not a unit test; run by
 * {@code bench/run.sh} (quick: 100,000 requests, 3 s paced; full: 1,000,000 requests, 10 s paced).
 */
public final class ZeekAnswerBenchmark {

    private static final String INBOX = "zeek-agent-hub.node.bench.";
    private static final byte[] SENDER = "zeromq_bench_zeek".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERIALIZER = "broker-bin-v1".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    /** Offset of req_id's 8 bytes in a bin-v1 attribute_response payload (see ZeekWireTests.RESPONSE_HEX). */
    private static final int REQ_ID_OFFSET = 59;
    /**
     * The paced sender sleeps until the next request is due (the timer's slack makes it send small bursts, as Zeek
     * does when a packet batch closes several connections). {@code -Dbench.zeek.spin=true} busy-waits instead, as
     * the first version did: on a 2-core machine that takes a whole core away from the hub and doubles the p99.
     */
    private static final boolean SPIN = Boolean.getBoolean("bench.zeek.spin");
    /**
     * Requests memory alone answers are answered on the bridge's socket thread, as the hub does by default with the
     * embedded proxy ({@code ZeekConfiguration}); {@code -Dbench.zeek.inline=false} answers them on the dispatch
     * thread ({@code hub.zeek.answer-on-socket-thread=false}, the default in connect mode).
     */
    private static final boolean INLINE = Boolean.parseBoolean(System.getProperty("bench.zeek.inline", "true"));

    private ZeekAnswerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : BenchReport.size(100_000, 1_000_000);
        int pacedSeconds = args.length > 1 ? Integer.parseInt(args[1]) : BenchReport.size(3, 10);
        int hosts = 1_000;
        int perHost = 20;
        Random random = new Random(42);
        LiveAttributionFixture fixture = new LiveAttributionFixture(hosts * perHost * 2L);
        List<AttributeRequest> requests = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String address = "10.1." + (h / 250) + "." + (h % 250 + 1);
            fixture.host(new HostAddresses("host-" + h, null, Set.of(address)));
            List<SocketEventEntry> events = new ArrayList<>();
            for (int e = 0; e < perHost; e++) {
                int port = 40000 + e;
                String remote = "192.0.2." + (random.nextInt(250) + 1);
                Instant time = T0.plusSeconds(random.nextInt(3600));
                events.add(new SocketEventEntry(
                        Seuid.next(),
                        "host-" + h,
                        "connect",
                        100L + e,
                        "/usr/bin/app" + e,
                        1000L,
                        "tcp",
                        address,
                        port,
                        remote,
                        443,
                        time,
                        Instant.now()));
                requests.add(new AttributeRequest(
                        0,
                        INBOX,
                        "C" + h + "x" + e,
                        (time.getEpochSecond() + 1) * 1_000_000_000L,
                        AddressValue.parse(address),
                        new PortValue(port, PortProtocol.TCP),
                        AddressValue.parse(remote),
                        new PortValue(443, PortProtocol.TCP)));
            }
            fixture.events(events);
        }
        ServiceAttributor attributor = new ServiceAttributor(fixture.service());
        System.out.printf(
                Locale.ROOT,
                "%,d hosts, %,d events, %,d distinct requests, %d cores%n",
                hosts,
                hosts * perHost,
                requests.size(),
                Runtime.getRuntime().availableProcessors());

        double inProcess = inProcessRate(attributor, requests);
        double fullPath = inProcessFullPath(attributor, encode(requests));
        BenchReport.phase("in-process baselines done");

        try (TestHub hub = TestHub.start("inbound-queue-capacity", "262144");
                ZContext context = new ZContext(1)) {
            InboxTracker inboxes = new InboxTracker();
            hub.channel().addSubscriptionListener(inboxes);
            ZeekMetrics metrics = new ZeekMetrics(new SimpleMeterRegistry(), inboxes);
            ZeekRequestHandler handler = new ZeekRequestHandler(hub.channel(), attributor, inboxes, metrics);
            if (INLINE) {
                hub.channel().subscribeInline(ZeekTopics.REQUEST, handler::onRequestInline, handler::onRequest);
            } else {
                hub.channel().subscribe(ZeekTopics.REQUEST, handler::onRequest);
            }

            // Threads alive before the simulated Zeek makes its first socket (and so its I/O thread) are the hub's,
            // except main, which plays Zeek's sender: the per-thread figures below say whose each one is.
            Set<Long> hubThreads = new HashSet<>(threadCpu().keySet());
            hubThreads.remove(Thread.currentThread().getId());
            ZMQ.Socket in = context.createSocket(SocketType.XSUB);
            in.setRcvHWM(0);
            in.connect(hub.xpubEndpoint());
            in.send(("\u0001" + INBOX).getBytes(StandardCharsets.UTF_8));
            ZMQ.Socket out = context.createSocket(SocketType.XPUB);
            out.setXpubVerbose(true);
            out.setXpubNoDrop(true);
            out.setSndHWM(10_000);
            out.connect(hub.xsubEndpoint());
            awaitSubscription(out, ZeekTopics.REQUEST);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!inboxes.isSubscribed(INBOX) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            byte[][] payloads = encode(requests);

            double answered = flatOut(in, out, payloads, total);
            BenchReport.phase("flat-out run done");
            long cpuBefore = processCpuNanos();
            Map<Long, Long> threadsBefore = threadCpu();
            double[] latencies = paced(in, out, payloads, 20_000, pacedSeconds);
            double cpuPerAnswer = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, latencies.length);
            printThreadCpu(threadsBefore, hubThreads, latencies.length, cpuPerAnswer);
            double p99 = percentile(latencies, 0.99);
            System.out.printf(
                    Locale.ROOT,
                    "flat out: %,.0f answered/s; paced 20,000/s: %,d answers, p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                            + " %.1f µs of CPU per answer (hub and simulated Zeek together); hub drops %d, malformed %d%n",
                    answered,
                    latencies.length,
                    percentile(latencies, 0.5),
                    p99,
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1],
                    cpuPerAnswer,
                    hub.drops(),
                    metrics.malformed.sum());
            BenchReport.figure(
                    "Zeek attribution requests answered through the bridge",
                    answered,
                    "answers/s",
                    "in-process attribution (same requests, 1 thread)",
                    inProcess,
                    "≥ 100,000 answers/s",
                    answered >= 100_000);
            BenchReport.info(
                    "Zeek request path in process (decode, attribute, encode; 1 thread)",
                    fullPath,
                    "answers/s",
                    "in-process attribution",
                    inProcess);
            BenchReport.figure(
                    "Zeek attribution round trip p99 at 20,000 requests/s",
                    p99,
                    "ms",
                    "-",
                    Double.NaN,
                    "< 20 ms",
                    p99 < 20 && latencies.length > 0);
        }
    }

    private static double inProcessRate(ServiceAttributor attributor, List<AttributeRequest> requests) {
        long count = 0;
        long sink = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofMillis(BenchReport.size(700, 2000)).toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += attributor
                        .attribute(requests.get((int) (count++ % requests.size())))
                        .orig()
                        .size();
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "in process: %,.0f attributions/s (%d matched)%n", rate, sink);
        return rate;
    }

    private static double inProcessFullPath(ServiceAttributor attributor, byte[][] payloads) {
        long count = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofMillis(BenchReport.size(700, 2000)).toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                AttributeRequest request =
                        AttributeRequest.from(EventCodec.BIN_V1.decode(payloads[(int) (count++ % payloads.length)]));
                bytes += EventCodec.BIN_V1.encode(attributor.attribute(request).toEvent(request.reqId())).length;
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "in process, full path: %,.0f answers/s (%,d bytes)%n", rate, bytes);
        return rate;
    }

    private static byte[][] encode(List<AttributeRequest> requests) {
        byte[][] payloads = new byte[requests.size()][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = EventCodec.BIN_V1.encode(requests.get(i).toEvent());
        }
        return payloads;
    }

    /** Sends {@code total} requests as fast as the socket takes them; answers per second until the last arrived. */
    private static double flatOut(ZMQ.Socket in, ZMQ.Socket out, byte[][] payloads, int total) throws Exception {
        AtomicLong received = new AtomicLong();
        long[] last = new long[1];
        Thread reader = new Thread(() -> {
            in.setReceiveTimeOut(3000);
            while (received.get() < total) {
                byte[] topic = in.recv();
                if (topic == null) {
                    return;
                }
                while (in.hasReceiveMore()) {
                    in.recv();
                }
                received.incrementAndGet();
                last[0] = System.nanoTime();
            }
        });
        reader.start();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            send(out, withReqId(payloads[i % payloads.length], i + 1));
        }
        reader.join();
        System.out.printf(Locale.ROOT, "flat out: %,d of %,d answered%n", received.get(), total);
        return received.get() / ((last[0] - start) / 1e9);
    }

    /** Sends at {@code rate} per second for {@code seconds}; the round trip of every answer, sorted, in ms. */
    private static double[] paced(ZMQ.Socket in, ZMQ.Socket out, byte[][] payloads, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long[] sentAt = new long[total + 1];
        double[] latencies = new double[total];
        int[] answered = new int[1];
        long base = 10_000_000L;
        Thread reader = new Thread(() -> {
            in.setReceiveTimeOut(3000);
            while (answered[0] < total) {
                byte[] topic = in.recv();
                if (topic == null) {
                    return;
                }
                in.recv();
                in.recv();
                byte[] payload = in.recv();
                long now = System.nanoTime();
                long reqId = readLong(payload, REQ_ID_OFFSET) - base;
                if (reqId > 0 && reqId <= total) {
                    latencies[answered[0]++] = (now - sentAt[(int) reqId]) / 1e6;
                }
            }
        });
        reader.start();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 1; i <= total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (SPIN) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(wait);
                }
            }
            sentAt[i] = System.nanoTime();
            send(out, withReqId(payloads[i % payloads.length], base + i));
        }
        reader.join();
        double[] result = Arrays.copyOf(latencies, answered[0]);
        Arrays.sort(result);
        return result;
    }

    private static void send(ZMQ.Socket out, byte[] payload) {
        out.sendMore(ZeekTopics.REQUEST);
        out.sendMore(SENDER);
        out.sendMore(SERIALIZER);
        out.send(payload);
    }

    /** A copy of an encoded request with another req_id (bytes 24.. of the request payload after the name). */
    private static byte[] withReqId(byte[] payload, long reqId) {
        byte[] copy = payload.clone();
        // envelope (22) + name "ZeekAgentHub::attribute_request" (2 + 31) + args header (2) + count tag (1)
        int at = 22 + 33 + 2 + 1;
        for (int b = 7; b >= 0; b--) {
            copy[at + 7 - b] = (byte) (reqId >>> (8 * b));
        }
        return copy;
    }

    private static long readLong(byte[] bytes, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[at + i] & 0xFF);
        }
        return v;
    }

    private static void awaitSubscription(ZMQ.Socket xpub, String topic) {
        xpub.setReceiveTimeOut(30_000);
        while (true) {
            byte[] frame = xpub.recv();
            if (frame == null) {
                throw new IllegalStateException("the hub never subscribed to " + topic);
            }
            if (frame.length > 0
                    && frame[0] == 1
                    && new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8).equals(topic)) {
                return;
            }
        }
    }

    /** CPU time of this whole process (every thread), in nanoseconds. */
    /** CPU nanoseconds used so far by every live thread, by thread id. */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** Where the paced run's CPU went, per thread (the hub's and the simulated Zeek's share the 2 cores). */
    private static void printThreadCpu(
            Map<Long, Long> before, Set<Long> hubThreads, int answers, double processPerAnswer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> after = threadCpu();
        List<Map.Entry<Long, Long>> used = new ArrayList<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            used.add(Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)));
        }
        used.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
        double listed = 0;
        double hub = 0;
        for (Map.Entry<Long, Long> e : used.subList(0, Math.min(8, used.size()))) {
            double perAnswer = e.getValue() / 1e3 / Math.max(1, answers);
            listed += perAnswer;
            boolean ours = hubThreads.contains(e.getKey());
            hub += ours ? perAnswer : 0;
            ThreadInfo info = threads.getThreadInfo(e.getKey());
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s %-23s %6.1f µs CPU per answer%n",
                    ours ? "hub" : "simulated Zeek",
                    info == null ? "#" + e.getKey() : info.getThreadName(),
                    perAnswer);
        }
        // The answer reader has ended by now, so its share is in the rest, with GC and the JIT compiler.
        System.out.printf(
                Locale.ROOT,
                "  %-39s %6.1f µs CPU per answer%n",
                "the rest (the ended reader, GC, JIT)",
                processPerAnswer - listed);
        System.out.printf(Locale.ROOT, "  hub threads together: %.1f µs CPU per answer%n", hub);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
