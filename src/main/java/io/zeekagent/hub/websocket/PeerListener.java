package io.zeekagent.hub.websocket;

/** What the transport hands to the protocol layer: connections after their handshake, messages, and closes. */
interface PeerListener {

    /** A data message arrived on a handshaken connection; its envelope ({@code type}, {@code topic}) is valid. */
    void onDataMessage(WebSocketPeer peer, String topic, String json);

    /** The connection closed (by either side, or lost). */
    void onClosed(WebSocketPeer peer);
}
