package io.zeekagent.hub.broker.bench;

import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * A companion to {@link CodecBenchmark} for shared, busy machines: the same operations timed by the
 * thread's CPU time rather than the wall clock, so the figure approximates one dedicated core.
 */
public final class CodecCpuTime {

    private static volatile Object sink;

    private CodecCpuTime() {}

    /** Prints operations per CPU-second (and per wall-second) after warm-up rounds. */
    public static void main(String[] args) {
        ZeekEvent row = CodecBenchmark.socketEventsRow();
        byte[] bin = EventCodec.BIN_V1.encode(row);
        byte[] json = EventCodec.JSON_V1.encode(row);
        System.out.printf("row: %d bytes bin v1, %d bytes JSON v1%n", bin.length, json.length);
        for (int round = 1; round <= 5; round++) {
            boolean report = round > 2;
            run("encode bin v1", 1_000_000, () -> EventCodec.BIN_V1.encode(row), report);
            run("decode bin v1", 1_000_000, () -> EventCodec.BIN_V1.decode(bin), report);
            run("encode JSON v1", 200_000, () -> EventCodec.JSON_V1.encode(row), report);
            run("decode JSON v1", 200_000, () -> EventCodec.JSON_V1.decode(json), report);
        }
    }

    /** Best operations per CPU-second of the calling thread over {@code rounds} rounds of {@code n}, after two warm-ups. */
    static double bestPerCpuSecond(int n, int rounds, Supplier<Object> op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < rounds + 2; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink = op.get();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (round >= 2) {
                best = Math.max(best, n * 1e9 / cpu);
            }
        }
        return best;
    }

    private static void run(String name, int n, Supplier<Object> op, boolean report) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = op.get();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        if (report) {
            System.out.printf("%-15s %,12.0f ops/cpu-s %,12.0f ops/wall-s%n", name, n * 1e9 / cpu, n * 1e9 / wall);
        }
    }
}
