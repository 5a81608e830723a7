package io.zeekagent.hub.websocket;

import java.net.InetSocketAddress;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection: its topic-prefix subscriptions (known after the handshake), the agent it turned out
 * to be, and a bounded send path so a peer that stops reading cannot make the hub buffer without limit.
 */
public final class WebSocketPeer {

    private final WebSocket connection;
    private final String endpoint;
    private final int sendQueueLimit;
    private volatile @Nullable List<String> prefixes;
    private volatile @Nullable String agentId;

    WebSocketPeer(WebSocket connection, String endpoint, int sendQueueLimit) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.sendQueueLimit = sendQueueLimit;
    }

    /** The endpoint id the hub acknowledged this connection with. */
    public String endpoint() {
        return endpoint;
    }

    /** The remote address as {@code host:port}, for logs. */
    public String remote() {
        InetSocketAddress address = connection.getRemoteSocketAddress();
        return address == null ? "?" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The agent id this connection said hello as, if it did. */
    public @Nullable String agentId() {
        return agentId;
    }

    void agentId(String agentId) {
        this.agentId = agentId;
    }

    /** The topic prefixes the client subscribed to (empty before the handshake). */
    List<String> prefixes() {
        List<String> current = prefixes;
        return current == null ? List.of() : current;
    }

    boolean handshaken() {
        return prefixes != null;
    }

    void subscribe(List<String> topicPrefixes) {
        this.prefixes = List.copyOf(topicPrefixes);
    }

    /** Whether one of the subscribed prefixes is a prefix of {@code topic} (Broker's matching rule). */
    boolean subscribedTo(String topic) {
        List<String> current = prefixes;
        if (current == null) {
            return false;
        }
        for (String prefix : current) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    boolean open() {
        return connection.isOpen();
    }

    /**
     * Queues a text frame. Returns {@code false} (frame not queued) when the connection is closed or its queue is
     * full; in the latter case the connection is closed at once, without a closing handshake that would queue
     * behind the backlog.
     */
    SendResult send(String text) {
        if (!connection.isOpen()) {
            return SendResult.CLOSED;
        }
        if (queued() >= sendQueueLimit) {
            connection.closeConnection(CloseFrame.TRY_AGAIN_LATER, "send queue full");
            return SendResult.QUEUE_FULL;
        }
        try {
            connection.send(text);
            return SendResult.SENT;
        } catch (RuntimeException closedMeanwhile) {
            return SendResult.CLOSED;
        }
    }

    private int queued() {
        return connection instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
    }

    void close(int code, String reason) {
        connection.close(code, reason);
    }

    @Override
    public String toString() {
        return endpoint + "@" + remote();
    }

    /** Outcome of {@link #send}. */
    enum SendResult {
        SENT,
        CLOSED,
        QUEUE_FULL
    }
}
