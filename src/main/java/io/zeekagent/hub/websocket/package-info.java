/**
 * Zeek Agent v2 over Zeek's WebSocket API: the Broker JSON v1 WebSocket server on its own port, topic routing
 * between connections, and the {@code ZeekAgentAPI::*_v1} session the hub plays as the Zeek package would.
 */
@NullMarked
package io.zeekagent.hub.websocket;

import org.jspecify.annotations.NullMarked;
