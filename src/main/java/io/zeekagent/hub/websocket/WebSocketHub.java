package io.zeekagent.hub.websocket;

import io.zeekagent.hub.websocket.WebSocketJson.ProtocolException;
import io.zeekagent.hub.websocket.WebSocketPeer.SendResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub side of Zeek's WebSocket API, independent of the socket library's server object so it survives
 * restarts: handshakes and acks, envelope checks, topic routing to every connection with a matching prefix, and
 * errors sent back instead of dropped connections.
 */
public final class WebSocketHub {

    /** The only resource Zeek's WebSocket API serves. */
    static final String PATH = "/v1/messages/json";

    /** Topics only the hub publishes on; clients publishing there would be issuing queries to other agents. */
    static final String RESERVED_PREFIX = "/zeek-agent/query/";

    private static final Logger log = LoggerFactory.getLogger(WebSocketHub.class);

    private final Map<WebSocket, WebSocketPeer> peers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String endpointPrefix;
    private final String version;
    private final int sendQueueLimit;
    private final WebSocketMetrics metrics;
    private volatile PeerListener listener;

    WebSocketHub(String endpointPrefix, String version, int sendQueueLimit, WebSocketMetrics metrics) {
        this.endpointPrefix = endpointPrefix;
        this.version = version;
        this.sendQueueLimit = sendQueueLimit;
        this.metrics = metrics;
        metrics.connections(peers::size);
        this.listener = new PeerListener() {
            @Override
            public void onDataMessage(WebSocketPeer peer, String topic, String json) {}

            @Override
            public void onClosed(WebSocketPeer peer) {}
        };
    }

    void listener(PeerListener listener) {
        this.listener = listener;
    }

    /** The version the hub acknowledges connections with. */
    String version() {
        return version;
    }

    /** Open connections. */
    int connections() {
        return peers.size();
    }

    Collection<WebSocketPeer> peers() {
        return List.copyOf(peers.values());
    }

    void opened(WebSocket connection, @Nullable String path) {
        WebSocketPeer peer = new WebSocketPeer(
                connection, endpointPrefix + "-websocket-" + sequence.incrementAndGet(), sendQueueLimit);
        if (!PATH.equals(stripQuery(path))) {
            error(peer, WebSocketErrors.INVALID_URI, WebSocketErrors.BAD_URI);
            peer.close(CloseFrame.POLICY_VALIDATION, WebSocketErrors.BAD_URI);
            return;
        }
        peers.put(connection, peer);
        log.debug("WebSocket {} connected", peer);
    }

    void text(WebSocket connection, String text) {
        WebSocketPeer peer = peers.get(connection);
        if (peer == null) {
            return;
        }
        metrics.received();
        if (!peer.handshaken()) {
            handshake(peer, text);
            return;
        }
        String topic;
        try {
            topic = WebSocketJson.topicOf(text);
        } catch (ProtocolException e) {
            error(peer, WebSocketErrors.DESERIALIZATION_FAILED, e.getMessage());
            return;
        }
        if (topic.startsWith(RESERVED_PREFIX)) {
            error(
                    peer,
                    WebSocketErrors.INVALID_TOPIC,
                    "topics under " + RESERVED_PREFIX + " are published by the hub only");
            return;
        }
        for (WebSocketPeer other : peers.values()) {
            if (other != peer && other.subscribedTo(topic)) {
                send(other, text);
            }
        }
        listener.onDataMessage(peer, topic, text);
    }

    void binary(WebSocket connection) {
        WebSocketPeer peer = peers.get(connection);
        if (peer != null) {
            metrics.received();
            error(peer, WebSocketErrors.DESERIALIZATION_FAILED, WebSocketErrors.BINARY_FRAME);
        }
    }

    void closed(WebSocket connection) {
        WebSocketPeer peer = peers.remove(connection);
        if (peer != null) {
            log.debug("WebSocket {} closed", peer);
            if (peer.handshaken()) {
                listener.onClosed(peer);
            }
        }
    }

    /** Sends {@code json} to every connection subscribed to a prefix of {@code topic}; returns how many. */
    public int publish(String topic, String json) {
        int recipients = 0;
        for (WebSocketPeer peer : peers.values()) {
            if (peer.subscribedTo(topic) && send(peer, json)) {
                recipients++;
            }
        }
        return recipients;
    }

    /** Sends {@code json} to one connection if it is subscribed to {@code topic} (exact-topic delivery). */
    public boolean publishTo(WebSocketPeer peer, String topic, String json) {
        return peer.subscribedTo(topic) && send(peer, json);
    }

    /** Sends an {@code error} message to one connection. */
    public void error(WebSocketPeer peer, String code, String context) {
        metrics.error(code);
        send(peer, WebSocketJson.error(code, context));
    }

    /** Counts a message that was understood as a message but could not be used. */
    public void dropped(String reason) {
        metrics.dropped(reason);
    }

    private void handshake(WebSocketPeer peer, String text) {
        List<String> prefixes;
        try {
            prefixes = WebSocketJson.subscriptions(text);
        } catch (ProtocolException e) {
            error(peer, WebSocketErrors.DESERIALIZATION_FAILED, e.getMessage());
            peer.close(CloseFrame.POLICY_VALIDATION, e.getMessage());
            return;
        }
        peer.subscribe(prefixes);
        send(peer, WebSocketJson.ack(peer.endpoint(), version));
        log.debug("WebSocket {} subscribed to {}", peer, prefixes);
    }

    private boolean send(WebSocketPeer peer, String json) {
        SendResult result = peer.send(json);
        switch (result) {
            case SENT -> metrics.sent();
            case QUEUE_FULL -> {
                metrics.dropped("slow-reader");
                log.warn("WebSocket {} does not read; closed with its send queue full", peer);
            }
            case CLOSED -> metrics.dropped("closed");
        }
        return result == SendResult.SENT;
    }

    private static @Nullable String stripQuery(@Nullable String path) {
        if (path == null) {
            return null;
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
