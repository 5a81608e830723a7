package io.zeekagent.hub.bench;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import java.util.Locale;

/**
 * The deterministic workload every attribution and ingestion benchmark shares: {@code hosts} hosts, each with one
 * 10.x.y.z address, and socket events spread over them round-robin — seven connects (ephemeral local port to a
 * public peer on 443 or 80) for every bind (a listening port with wildcard remote side). Connection records are
 * drawn from the connects, so every lookup has an answer to find.
 */
public final class BenchData {

    /** Event times lie within the hour before this instant (epoch seconds). */
    public static final long BASE_SECONDS = System.currentTimeMillis() / 1000 - 3600;

    private static final String[] EXES = {"/usr/bin/curl", "/usr/sbin/sshd", "/usr/bin/python3", "/usr/sbin/nginx"};

    private final int hosts;

    public BenchData(int hosts) {
        this.hosts = hosts;
    }

    public int hosts() {
        return hosts;
    }

    public static String hostId(int host) {
        return "bench-host-" + host;
    }

    /** The host's address: the simulator's, a host address (never a network or broadcast one). */
    public static String address(int host) {
        return AgentSimulator.hostAddress(host);
    }

    /** The host of event {@code i}. */
    public int host(long i) {
        return (int) (i % hosts);
    }

    public boolean isBind(long i) {
        return i % 8 == 7;
    }

    public String localAddress(long i) {
        return address(host(i));
    }

    public int localPort(long i) {
        return isBind(i) ? 8000 + (int) (i % 100) : 32768 + (int) ((i / hosts) % 28000);
    }

    public String remoteAddress(long i) {
        return isBind(i) ? "" : "198.51." + (100 + (int) (i % 50)) + "." + (1 + (int) (i % 254));
    }

    public int remotePort(long i) {
        return isBind(i) ? 0 : (i % 2 == 0 ? 443 : 80);
    }

    public String syscall(long i) {
        return isBind(i) ? "bind" : "connect";
    }

    public long pid(long i) {
        return 1000 + i % 30000;
    }

    public String exe(long i) {
        return EXES[(int) (i % EXES.length)];
    }

    /** Event time, epoch seconds. */
    public long time(long i) {
        return BASE_SECONDS + i % 3600;
    }

    /** The index of the connect event that connection record {@code k} of {@code events} stored ones is about. */
    public static long connectFor(long k, long events) {
        long i = (k * 7919) % events;
        return i % 8 == 7 ? i - 1 : i;
    }

    /** One conn.log record (Zeek JSON log line, flat form) of the connection event {@code i} made. */
    public String connJson(long i, long uid) {
        return String.format(
                Locale.ROOT,
                "{\"ts\":%d.250000,\"uid\":\"C%016x\",\"id.orig_h\":\"%s\",\"id.orig_p\":%d,"
                        + "\"id.resp_h\":\"%s\",\"id.resp_p\":%d,\"proto\":\"tcp\",\"service\":\"ssl\","
                        + "\"duration\":0.5,\"orig_bytes\":517,\"resp_bytes\":4312,\"conn_state\":\"SF\"}",
                time(i),
                uid,
                localAddress(i),
                localPort(i),
                remoteAddress(i),
                remotePort(i));
    }

    /** Event {@code i} as an element of a {@code POST /api/v1/socket-events} array. */
    public String eventJson(long i) {
        return String.format(
                Locale.ROOT,
                "{\"hostId\":\"%s\",\"syscall\":\"%s\",\"pid\":%d,\"fd\":5,\"exe\":\"%s\",\"uid\":1000,"
                        + "\"success\":true,\"family\":2,\"protocol\":\"tcp\",\"localAddress\":\"%s\","
                        + "\"localPort\":%d,\"remoteAddress\":\"%s\",\"remotePort\":%d,\"time\":\"%d\"}",
                hostId(host(i)),
                syscall(i),
                pid(i),
                exe(i),
                localAddress(i),
                localPort(i),
                remoteAddress(i),
                remotePort(i),
                time(i));
    }
}
