package io.zeekagent.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU of one ingestion step went: the hub's Java threads (grouped by name, digits dropped), the agent
 * simulator's threads (same JVM, but real agents run elsewhere), the JVM's own threads (GC, JIT compiler: hidden from
 * {@link ThreadMXBean}, read from {@code /proc/self/task}) and the PostgreSQL processes ({@link CpuSplit}).
 */
final class IngestionCpu {

    private final Map<Long, Long> javaThreads;
    private final Map<Long, String> names;
    private final long gc;
    private final long jit;
    private final long process;
    private final long postgres;

    private IngestionCpu(
            Map<Long, Long> javaThreads, Map<Long, String> names, long gc, long jit, long process, long postgres) {
        this.javaThreads = javaThreads;
        this.names = names;
        this.gc = gc;
        this.jit = jit;
        this.process = process;
        this.postgres = postgres;
    }

    /** The Java thread ids alive now (to tell the simulator's threads, started after the hub's, apart). */
    static Set<Long> threadIds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Long> ids = new java.util.HashSet<>();
        for (long id : threads.getAllThreadIds()) {
            ids.add(id);
        }
        return ids;
    }

    static IngestionCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long c = threads.getThreadCpuTime(t.getThreadId());
            if (c >= 0) {
                cpu.put(t.getThreadId(), c);
                names.put(t.getThreadId(), t.getThreadName());
            }
        }
        long[] vm = vmThreadNanos();
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new IngestionCpu(cpu, names, vm[0], vm[1], processCpu, CpuSplit.postgresNanos());
    }

    /** CPU of GC threads and of JIT compiler threads of this process, in nanoseconds, from /proc/self/task. */
    private static long[] vmThreadNanos() {
        long gcTicks = 0;
        long jitTicks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        gcTicks += ticks;
                    } else if (comm.contains("CompilerThre")) {
                        jitTicks += ticks;
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {gcTicks * 10_000_000L, jitTicks * 10_000_000L};
    }

    /** CPU used since {@code before}, split; {@code simulator} are the simulator's thread ids. */
    Split since(IngestionCpu before, Set<Long> simulator) {
        Map<String, Long> hubByName = new TreeMap<>();
        long hub = 0;
        long sim = 0;
        for (Map.Entry<Long, Long> e : javaThreads.entrySet()) {
            long used = e.getValue() - before.javaThreads.getOrDefault(e.getKey(), 0L);
            String name = names.get(e.getKey());
            if (simulator.contains(e.getKey()) || name.startsWith("agent-sim-")) {
                sim += used;
            } else {
                hub += used;
                hubByName.merge(name.replaceAll("[0-9]+", "#"), used, Long::sum);
            }
        }
        long gcUsed = gc - before.gc;
        long jitUsed = jit - before.jit;
        long processUsed = process - before.process;
        // Threads that ended during the window and the VM's other threads.
        long rest = processUsed - hub - sim - gcUsed - jitUsed;
        return new Split(hubByName, hub, sim, gcUsed, jitUsed, rest, postgres - before.postgres);
    }

    /** Nanoseconds of CPU by where they went. */
    record Split(Map<String, Long> hubByName, long hub, long simulator, long gc, long jit, long rest, long postgres) {

        /** The hub's share for the "events per CPU-second of the hub" figure: its threads, GC and the rest. */
        long hubWithVm() {
            return hub + gc + rest;
        }

        /** The {@code n} hub threads that used most, with their µs per event. */
        String topHubThreads(long events, int n) {
            List<Map.Entry<String, Long>> top = new ArrayList<>(hubByName.entrySet());
            top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Long> e : top.subList(0, Math.min(n, top.size()))) {
                s.append(s.isEmpty() ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e3 / Math.max(1, events)));
            }
            return s.toString();
        }

        /** One line per part, in µs per event, the hub's threads largest first. */
        String describe(long events) {
            double n = Math.max(1, events);
            StringBuilder s = new StringBuilder();
            s.append(String.format(
                    Locale.ROOT,
                    "CPU µs/event: hub threads %.2f, simulator %.2f, GC %.2f, JIT %.2f, rest of JVM %.2f,"
                            + " PostgreSQL %.2f; events per hub CPU-second (its threads + GC + rest) %,.0f",
                    hub / 1e3 / n,
                    simulator / 1e3 / n,
                    gc / 1e3 / n,
                    jit / 1e3 / n,
                    rest / 1e3 / n,
                    postgres / 1e3 / n,
                    events / (Math.max(1, hubWithVm()) / 1e9)));
            List<Map.Entry<String, Long>> top = new ArrayList<>(hubByName.entrySet());
            top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            for (Map.Entry<String, Long> e : top.subList(0, Math.min(8, top.size()))) {
                if (e.getValue() > 0) {
                    s.append(String.format(
                            Locale.ROOT, "%n    %-32s %6.2f µs/event", e.getKey(), e.getValue() / 1e3 / n));
                }
            }
            return s.toString();
        }
    }
}
