package io.zeekagent.hub.websocket;

/**
 * Error codes and contexts the hub sends as {@code {"type":"error",...}}, spelled as Zeek's WebSocket API does
 * (Broker error-code names) so clients written against Zeek recognise them.
 */
final class WebSocketErrors {

    static final String DESERIALIZATION_FAILED = "deserialization_failed";
    static final String INVALID_URI = "invalid_uri";
    static final String INVALID_TOPIC = "invalid_topic_key";

    static final String MALFORMED_JSON = "failed to decode JSON object";
    static final String NO_TOPIC = "no topic in top-level JSON object";
    static final String NOT_A_DATA_MESSAGE = "expected a data-message";
    static final String SUBSCRIPTIONS_NOT_ARRAY = "subscriptions not an array";
    static final String SUBSCRIPTION_NOT_STRING = "individual subscription not a string";
    static final String BAD_URI = "Invalid URI - use /v1/messages/json";
    static final String BINARY_FRAME = "binary frames are not supported, send text";
    static final String BAD_EVENT = "failed to create Zeek event";

    private WebSocketErrors() {}
}
