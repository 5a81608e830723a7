package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;

/**
 * A hub with the embedded proxy on ephemeral ports, for {@code bench.BridgeBenchmark} (a sub-package, so the bridge's
 * package-private types are reached through this public test-only handle).
 */
public final class BenchmarkHub implements AutoCloseable {

    private final ZeromqBridge bridge;

    private BenchmarkHub(ZeromqBridge bridge) {
        this.bridge = bridge;
    }

    /** Starts a hub with the shipped defaults except ephemeral ports. */
    public static BenchmarkHub start() {
        ZeromqBridge bridge = new ZeromqBridge(TestBridges.properties(), EventCodec.BIN_V1);
        bridge.start();
        return new BenchmarkHub(bridge);
    }

    public AgentChannel channel() {
        return bridge;
    }

    /** Where agents' XPUB sockets connect. */
    public String proxyXsubEndpoint() {
        return bridge.proxyEndpoints().orElseThrow().xsub();
    }

    /** Messages dropped for any reason so far. */
    public long drops() {
        long total = 0;
        for (DropReason reason : DropReason.values()) {
            total += bridge.stats().drops(reason);
        }
        return total;
    }

    @Override
    public void close() {
        bridge.stop();
    }
}
