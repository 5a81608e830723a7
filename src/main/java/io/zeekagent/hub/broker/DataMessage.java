package io.zeekagent.hub.broker;

import java.util.Objects;

/**
 * A Broker JSON v1 data message, the unit of Zeek's WebSocket API: a topic and one value.
 *
 * @param topic the topic the value is published on
 * @param value the value, usually a Zeek event vector
 */
public record DataMessage(String topic, BrokerValue value) {

    /** Checks both parts are present. */
    public DataMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
    }
}
