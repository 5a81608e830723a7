package io.zeekagent.hub.zeromq;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ZeroMQ bridge ({@code hub.zeromq.*}).
 *
 * @param mode {@code embedded-proxy}: the hub binds the cluster's XPUB/XSUB proxy itself; {@code connect}: the hub's
 *     sockets join an existing Zeek cluster proxy
 * @param xpubEndpoint the proxy's XPUB (agents' XSUB sockets connect here); bound in embedded mode, connected to in
 *     connect mode
 * @param xsubEndpoint the proxy's XSUB (agents' XPUB sockets connect here)
 * @param serializer the event serializer name on the wire: {@code broker-bin-v1} or {@code broker-json-v1}
 * @param nodeIdPrefix the start of this process's node id, Zeek style {@code <prefix>_<host>_<pid>_N<unique>}
 * @param heartbeatInterval ZMTP heartbeat (PING) interval on the proxy's sockets and the hub's own; zero disables
 * @param heartbeatTimeout a peer that does not answer heartbeats for this long is disconnected, which withdraws its
 *     subscriptions (how a dead agent goes offline)
 * @param linger how long closing sockets may wait to flush queued messages
 * @param proxyHwm per-peer send/receive high-water mark (messages) on the embedded proxy's sockets
 * @param sendHwm send high-water mark of the hub's publishing XPUB in connect mode; beyond it events are dropped and
 *     counted (in embedded mode the hub publishes on the proxy's XPUB, {@code proxyHwm})
 * @param receiveHwm receive high-water mark of the hub's XSUB in connect mode (in embedded mode: {@code proxyHwm})
 * @param inboundQueueCapacity events waiting for the dispatch thread; beyond it events are dropped and counted
 * @param outboundQueueCapacity events waiting for the socket thread; beyond it publications are dropped and counted
 * @param startTimeout how long starting may wait for the proxy's sockets to bind
 * @param ioThreads ZeroMQ I/O threads of the bridge's context
 * @param curve CURVE encryption and client authentication ({@code hub.zeromq.curve.*}); off unless keys are set
 */
@Validated
@ConfigurationProperties("hub.zeromq")
record ZeromqProperties(
        @DefaultValue("embedded-proxy") @NotNull Mode mode,
        @DefaultValue("tcp://127.0.0.1:27760") @NotBlank String xpubEndpoint,
        @DefaultValue("tcp://127.0.0.1:27761") @NotBlank String xsubEndpoint,

        @DefaultValue("broker-bin-v1") @Pattern(regexp = "broker-(bin|json)-v1")
        String serializer,

        @DefaultValue("zeromq_hub") @NotBlank String nodeIdPrefix,
        @DefaultValue("10s") @NotNull Duration heartbeatInterval,
        @DefaultValue("30s") @NotNull Duration heartbeatTimeout,
        @DefaultValue("500ms") @NotNull Duration linger,
        @DefaultValue("10000") @Positive int proxyHwm,
        @DefaultValue("10000") @Positive int sendHwm,
        @DefaultValue("10000") @Positive int receiveHwm,
        @DefaultValue("65536") @Positive int inboundQueueCapacity,
        @DefaultValue("65536") @Positive int outboundQueueCapacity,
        @DefaultValue("5s") @NotNull Duration startTimeout,
        @DefaultValue("1") @Positive int ioThreads,
        @DefaultValue CurveProperties curve) {

    /** Whether the hub runs the cluster's proxy or joins an existing one. */
    enum Mode {
        EMBEDDED_PROXY,
        CONNECT
    }

    /**
     * The CURVE client keys an event's sender can have authenticated with, when the hub reads events from the
     * senders' own connections and ZeroMQ vouches for their keys: the embedded proxy with CURVE on. Empty otherwise.
     */
    Optional<Set<String>> authenticatedSenderKeys() {
        return mode == Mode.EMBEDDED_PROXY && curve.serverEnabled()
                ? Optional.of(curve.admittedClientKeys())
                : Optional.empty();
    }

    /** The heartbeat interval in whole milliseconds, 0 when heartbeats are off. */
    int heartbeatIntervalMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, heartbeatInterval.toMillis()));
    }

    /** The heartbeat timeout in whole milliseconds. */
    int heartbeatTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, heartbeatTimeout.toMillis()));
    }

    /** Linger in whole milliseconds. */
    int lingerMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, linger.toMillis()));
    }
}
