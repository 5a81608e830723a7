package io.zeekagent.hub.broker.bench;

import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Throughput of {@link EventCodec} on a realistic result row: a socket_events row of DESIGN §5 (host id,
 * {@code ZeekAgent::ADD}, cookie, then the 11 columns). Not a unit test; see {@code README-codec.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private ZeekEvent row;
    private byte[] bin;
    private byte[] json;

    /** Builds the row and its encoded forms once. */
    @Setup
    public void setUp() {
        row = socketEventsRow();
        bin = EventCodec.BIN_V1.encode(row);
        json = EventCodec.JSON_V1.encode(row);
    }

    /** Returns the benchmark's result-row event. */
    public static ZeekEvent socketEventsRow() {
        return ZeekEvent.of(
                "ZeekAgent::socket_events_result",
                BrokerValue.string("5f0c2a8e-3b1d-4c7a-9e2f-6a1b8c3d4e5f"),
                BrokerValue.enumValue("ZeekAgent::ADD"),
                BrokerValue.string("sub-000042"),
                BrokerValue.string("connect"),
                BrokerValue.integer(31337),
                BrokerValue.integer(7),
                BrokerValue.string("/usr/bin/curl"),
                BrokerValue.string("10.0.2.15"),
                BrokerValue.string("93.184.216.34"),
                BrokerValue.integer(51234),
                BrokerValue.integer(443),
                BrokerValue.integer(1_732_924_800L),
                BrokerValue.integer(1),
                BrokerValue.integer(1000));
    }

    /** Encodes the row to bin v1. */
    @Benchmark
    public byte[] encodeBinV1() {
        return EventCodec.BIN_V1.encode(row);
    }

    /** Decodes the row from bin v1. */
    @Benchmark
    public ZeekEvent decodeBinV1() {
        return EventCodec.BIN_V1.decode(bin);
    }

    /** Encodes the row to JSON v1. */
    @Benchmark
    public byte[] encodeJsonV1() {
        return EventCodec.JSON_V1.encode(row);
    }

    /** Decodes the row from JSON v1. */
    @Benchmark
    public ZeekEvent decodeJsonV1() {
        return EventCodec.JSON_V1.decode(json);
    }

    /**
     * With JMH arguments, runs JMH as given; without, runs the four benchmarks at the {@code bench.mode} size and
     * prints them through {@link BenchReport}, each bin v1 figure against JSON v1 measured in the same run.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        boolean quick = BenchReport.quick();
        // Quick mode is a sanity run: 2 s per operation (2 × 0.5 s warm-up, 2 × 0.5 s measured) in this JVM, which
        // saves a JVM start per operation and leaves the JIT warm for the CPU-time figures below. The full mode, for
        // the published table, forks a fresh JVM per operation (no profile shared between operations) and measures
        // 20 s each.
        Options options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\.")
                .forks(quick ? 0 : 1)
                .jvmArgs("-Xms512m", "-Xmx512m")
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2))
                .build();
        BenchReport.phase("JMH starts (4 operations)");
        Map<String, Double> score = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark();
            score.put(
                    method.substring(method.lastIndexOf('.') + 1),
                    result.getPrimaryResult().getScore());
        }
        for (String op : new String[] {"encode", "decode"}) {
            double bin = score.getOrDefault(op + "BinV1", Double.NaN);
            BenchReport.figure(
                    "codec " + op + " bin v1, socket_events row (JMH, 1 thread)",
                    bin,
                    "events/s",
                    op + " JSON v1, same row",
                    score.getOrDefault(op + "JsonV1", Double.NaN),
                    "≥ 1,000,000 events/s (issue 3)",
                    bin >= 1_000_000);
        }
        BenchReport.phase("JMH done; timing by thread CPU time");
        cpuTimeFigures(quick);
        BenchReport.phase("done");
    }

    /** The same operations timed by thread CPU time ({@link CodecCpuTime}): one core's worth on a shared machine. */
    private static void cpuTimeFigures(boolean quick) {
        ZeekEvent row = socketEventsRow();
        byte[] bin = EventCodec.BIN_V1.encode(row);
        byte[] json = EventCodec.JSON_V1.encode(row);
        int n = quick ? 200_000 : 1_000_000;
        int rounds = quick ? 2 : 5;
        // Warm all four paths first: on a loaded machine the JIT compiler threads get little CPU, and whichever
        // operation was timed first would otherwise be timed while still interpreted. (In quick mode JMH ran in
        // this JVM and already warmed them.)
        for (int warm = 0; warm < (quick ? 1 : 2); warm++) {
            CodecCpuTime.bestPerCpuSecond(n / 2, 1, () -> EventCodec.BIN_V1.encode(row));
            CodecCpuTime.bestPerCpuSecond(n / 2, 1, () -> EventCodec.BIN_V1.decode(bin));
            CodecCpuTime.bestPerCpuSecond(n / 10, 1, () -> EventCodec.JSON_V1.encode(row));
            CodecCpuTime.bestPerCpuSecond(n / 10, 1, () -> EventCodec.JSON_V1.decode(json));
        }
        double encode = CodecCpuTime.bestPerCpuSecond(n, rounds, () -> EventCodec.BIN_V1.encode(row));
        double encodeJson = CodecCpuTime.bestPerCpuSecond(n / 5, rounds, () -> EventCodec.JSON_V1.encode(row));
        double decode = CodecCpuTime.bestPerCpuSecond(n, rounds, () -> EventCodec.BIN_V1.decode(bin));
        double decodeJson = CodecCpuTime.bestPerCpuSecond(n / 5, rounds, () -> EventCodec.JSON_V1.decode(json));
        BenchReport.figure(
                "codec encode bin v1 per CPU-second of one thread",
                encode,
                "events/cpu-s",
                "encode JSON v1, same row",
                encodeJson,
                "≥ 1,000,000 events/s on one core (issue 3)",
                encode >= 1_000_000);
        BenchReport.figure(
                "codec decode bin v1 per CPU-second of one thread",
                decode,
                "events/cpu-s",
                "decode JSON v1, same row",
                decodeJson,
                "≥ 1,000,000 events/s on one core (issue 3)",
                decode >= 1_000_000);
    }
}
