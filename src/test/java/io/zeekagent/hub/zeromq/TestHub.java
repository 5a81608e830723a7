package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;

/**
 * A hub bridge with the embedded proxy on ephemeral ports plus JeroMQ peers joined to it over TCP, for tests and
 * benchmarks of other features (the bridge's own types are package-private; this test-only handle opens them).
 */
public final class TestHub implements AutoCloseable {

    private final ZeromqBridge bridge;

    private TestHub(ZeromqBridge bridge) {
        this.bridge = bridge;
    }

    /** Starts a hub with the shipped defaults except ephemeral ports and the given {@code key, value} overrides. */
    public static TestHub start(String... overrides) {
        ZeromqBridge bridge = new ZeromqBridge(TestBridges.properties(overrides), EventCodec.BIN_V1);
        bridge.start();
        return new TestHub(bridge);
    }

    /** The hub's side of the bridge. */
    public AgentChannel channel() {
        return bridge;
    }

    /** A started JeroMQ node in connect mode joined to this hub's proxy over TCP, as a Zeek node joins; stop it. */
    public Peer peer() {
        return new Peer(TestBridges.peerOf(bridge));
    }

    /** Where a peer's XSUB connects (Zeek's {@code connect_xsub_endpoint}). */
    public String xpubEndpoint() {
        return bridge.proxyEndpoints().orElseThrow().xpub();
    }

    /** Where a peer's XPUB connects (Zeek's {@code connect_xpub_endpoint}). */
    public String xsubEndpoint() {
        return bridge.proxyEndpoints().orElseThrow().xsub();
    }

    /** Messages the hub's bridge dropped so far, all reasons together. */
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

    /** A peer node; {@link #close()} stops it. */
    public static final class Peer implements AutoCloseable {

        private final ZeromqBridge bridge;

        private Peer(ZeromqBridge bridge) {
            this.bridge = bridge;
        }

        public AgentChannel channel() {
            return bridge;
        }

        @Override
        public void close() {
            bridge.stop();
        }
    }
}
