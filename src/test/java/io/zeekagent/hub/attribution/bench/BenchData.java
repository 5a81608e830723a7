package io.zeekagent.hub.attribution.bench;

import io.zeekagent.hub.attribution.BenchSupport;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.host.HostAddresses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A reproducible workload: hosts 10.h/16 with events per host split into connects (remote set, 60%), binds
 * (local port, 25%) and full tuples (v2 style, 15%) towards 1,000 servers in 192.168.x.y.
 */
final class BenchData {

    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    final int hosts;
    final int eventsPerHost;

    BenchData(int hosts, int eventsPerHost) {
        this.hosts = hosts;
        this.eventsPerHost = eventsPerHost;
    }

    static String hostAddress(int h) {
        return "10." + (h >> 16 & 255) + "." + (h >> 8 & 255) + "." + (h & 255);
    }

    static String server(int s) {
        return "192.168." + (s >> 8 & 255) + "." + (s & 255);
    }

    List<HostAddresses> hostList() {
        List<HostAddresses> list = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            list.add(new HostAddresses("host-" + h, "host-" + h + ".lan", Set.of(hostAddress(h))));
        }
        return list;
    }

    /** The i-th event of host h, deterministic. */
    SocketEventEntry event(int h, int i) {
        Random r = new Random(h * 1_000_003L + i);
        int kind = r.nextInt(100);
        String seuid = Seuid.format(h, i);
        Instant time = T0.plusSeconds(r.nextInt(600));
        if (kind < 60) {
            return new SocketEventEntry(
                    seuid,
                    "host-" + h,
                    "connect",
                    1000L + i,
                    "/usr/bin/app" + (i % 20),
                    1000L,
                    "tcp",
                    null,
                    0,
                    server(r.nextInt(1000)),
                    1 + r.nextInt(1024),
                    time,
                    T0);
        }
        if (kind < 85) {
            return new SocketEventEntry(
                    seuid,
                    "host-" + h,
                    "bind",
                    1000L + i,
                    "/usr/sbin/daemon" + (i % 10),
                    0L,
                    "tcp",
                    "0.0.0.0",
                    1025 + r.nextInt(20000),
                    null,
                    0,
                    time,
                    T0);
        }
        return new SocketEventEntry(
                seuid,
                "host-" + h,
                "established",
                1000L + i,
                "proc" + (i % 30),
                1000L,
                "tcp",
                hostAddress(h),
                32768 + r.nextInt(28000),
                server(r.nextInt(1000)),
                443,
                time,
                T0);
    }

    /** Feeds every event, host-interleaved as agents would report, in batches of 10,000. */
    void forEachBatch(Consumer<List<SocketEventEntry>> sink) {
        List<SocketEventEntry> batch = new ArrayList<>(10_000);
        for (int i = 0; i < eventsPerHost; i++) {
            for (int h = 0; h < hosts; h++) {
                batch.add(event(h, i));
                if (batch.size() == 10_000) {
                    sink.accept(batch);
                    batch = new ArrayList<>(10_000);
                }
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    BenchSupport index() {
        BenchSupport index = new BenchSupport(Duration.ofDays(3650), 10_000_000, Duration.ofSeconds(30));
        hostList().forEach(index::putHost);
        forEachBatch(index::add);
        return index;
    }

    /** A connection that one of the stored connect events made (a hit on the originator side). */
    static String[] hitFor(SocketEventEntry e, int h, Random r) {
        String remote = e.remoteAddress() != null ? e.remoteAddress() : server(r.nextInt(1000));
        int remotePort = e.remotePort() != null && e.remotePort() != 0 ? e.remotePort() : 443;
        int localPort = e.localPort() != null && e.localPort() != 0 ? e.localPort() : 40000 + r.nextInt(20000);
        return new String[] {hostAddress(h), String.valueOf(localPort), remote, String.valueOf(remotePort)};
    }
}
