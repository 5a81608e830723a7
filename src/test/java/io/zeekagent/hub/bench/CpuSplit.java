package io.zeekagent.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase: this JVM (hub and in-process clients), the PostgreSQL processes and
 * everything else (wrk, other processes), from {@code /proc}. CPU time per operation is steadier than a rate on a
 * shared machine; for reading a benchmark's cost split, not a figure of its own.
 */
final class CpuSplit {

    private final long jvmStart;
    private final long busyStart;
    private final long postgresStart;
    private final long wallStart;
    private final long execStart;

    private CpuSplit(long jvm, long busy, long postgres, long wall) {
        this.execStart = execNanos();
        this.jvmStart = jvm;
        this.busyStart = busy;
        this.postgresStart = postgres;
        this.wallStart = wall;
    }

    static CpuSplit start() {
        return new CpuSplit(jvmNanos(), busyNanos(), postgresNanos(), System.nanoTime());
    }

    /** Cores busy on average over the phase, split, and CPU microseconds per operation of this JVM and PostgreSQL. */
    String stop(long operations) {
        double wall = System.nanoTime() - wallStart;
        double jvm = jvmNanos() - jvmStart;
        double pg = postgresNanos() - postgresStart;
        double busy = busyNanos() - busyStart;
        double exec = execNanos() - execStart;
        double ops = Math.max(1, operations);
        return String.format(
                Locale.ROOT,
                "cores busy %.2f (this JVM %.2f, PostgreSQL %.2f, others %.2f); per operation: JVM %.0f µs"
                        + " (request threads %.0f µs), PostgreSQL %.0f µs",
                busy / wall,
                jvm / wall,
                pg / wall,
                (busy - jvm - pg) / wall,
                jvm / ops / 1000,
                exec / ops / 1000,
                pg / ops / 1000);
    }

    /** CPU time of the web server's request threads (Tomcat's {@code *-exec-*}) alive now. */
    private static long execNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("-exec-")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy time of all cores (user, nice, system, irq, softirq, steal) in nanoseconds; 0 without /proc. */
    private static long busyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of every process named {@code postgres} (server and backends), in nanoseconds. */
    static long postgresNanos() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // The process ended meanwhile.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }
}
