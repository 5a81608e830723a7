package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builds bridges for tests: ephemeral ports (never the defaults, other builds run in parallel), real defaults. */
final class TestBridges {

    private TestBridges() {}

    /** Properties as Spring would bind them, with ephemeral ports and the given {@code key, value} overrides. */
    static ZeromqProperties properties(String... overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("xpub-endpoint", "tcp://127.0.0.1:0");
        values.put("xsub-endpoint", "tcp://127.0.0.1:0");
        values.put("linger", "0ms");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        Map<String, String> prefixed = new HashMap<>();
        values.forEach((key, value) -> prefixed.put("hub.zeromq." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("hub.zeromq", ZeromqProperties.class);
    }

    /** A started hub running the embedded proxy on ephemeral ports. */
    static ZeromqBridge embeddedHub(String... overrides) {
        ZeromqBridge hub = new ZeromqBridge(properties(overrides), EventCodec.BIN_V1);
        hub.start();
        return hub;
    }

    /** A started node in connect mode, joined to {@code hub}'s proxy over TCP as an agent would. */
    static ZeromqBridge peerOf(ZeromqBridge hub) {
        ProxyEndpoints endpoints = hub.proxyEndpoints().orElseThrow();
        ZeromqBridge peer = new ZeromqBridge(
                properties(
                        "mode",
                        "connect",
                        "xpub-endpoint",
                        endpoints.xpub(),
                        "xsub-endpoint",
                        endpoints.xsub(),
                        "node-id-prefix",
                        "zeromq_peer"),
                EventCodec.BIN_V1);
        peer.start();
        return peer;
    }
}
