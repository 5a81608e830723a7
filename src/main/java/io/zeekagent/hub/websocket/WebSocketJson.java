package io.zeekagent.hub.websocket;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON around Broker values on Zeek's WebSocket API: the subscription array, the envelope of a data message,
 * and the hub's {@code ack} and {@code error} replies. The Broker value inside {@code data} is left to the codec.
 */
final class WebSocketJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private WebSocketJson() {}

    /** Reads the client's first message, a JSON array of topic prefixes. */
    static List<String> subscriptions(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException(WebSocketErrors.MALFORMED_JSON);
        }
        if (node == null || !node.isArray()) {
            throw new ProtocolException(WebSocketErrors.SUBSCRIPTIONS_NOT_ARRAY);
        }
        List<String> prefixes = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isString()) {
                throw new ProtocolException(WebSocketErrors.SUBSCRIPTION_NOT_STRING);
            }
            prefixes.add(element.stringValue());
        }
        return prefixes;
    }

    /**
     * Checks the envelope of a data message (valid JSON, {@code "type":"data-message"}, a string {@code topic})
     * in one streaming pass without building a tree, and returns the topic.
     */
    static String topicOf(String text) {
        String type = null;
        String topic = null;
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException(WebSocketErrors.MALFORMED_JSON);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                } else if ("topic".equals(name) && value == JsonToken.VALUE_STRING) {
                    topic = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ProtocolException(WebSocketErrors.MALFORMED_JSON);
            }
        } catch (JacksonException e) {
            throw new ProtocolException(WebSocketErrors.MALFORMED_JSON);
        }
        if (!"data-message".equals(type)) {
            throw new ProtocolException(WebSocketErrors.NOT_A_DATA_MESSAGE);
        }
        if (topic == null) {
            throw new ProtocolException(WebSocketErrors.NO_TOPIC);
        }
        return topic;
    }

    static String ack(String endpoint, String version) {
        ObjectNode ack = MAPPER.createObjectNode();
        ack.put("type", "ack");
        ack.put("endpoint", endpoint);
        ack.put("version", version);
        return MAPPER.writeValueAsString(ack);
    }

    static String error(String code, String context) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("type", "error");
        error.put("code", code);
        error.put("context", context);
        return MAPPER.writeValueAsString(error);
    }

    /** A client message the hub cannot accept; the message is the error context sent back. */
    static final class ProtocolException extends RuntimeException {

        ProtocolException(String context) {
            super(context, null, false, false);
        }
    }
}
