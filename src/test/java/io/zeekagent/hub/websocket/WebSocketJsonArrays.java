package io.zeekagent.hub.websocket;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Writes the subscription array a WebSocket client sends first. */
final class WebSocketJsonArrays {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private WebSocketJsonArrays() {}

    static String of(List<String> topics) {
        return MAPPER.writeValueAsString(topics);
    }
}
