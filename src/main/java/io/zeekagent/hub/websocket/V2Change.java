package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;

/** The {@code change} field of a result's context ({@code ZeekAgent::ChangeType}, or none for snapshots). */
enum V2Change {
    /** A snapshot row (one-shot, Snapshots, first run of SnapshotPlusDifferences). */
    NONE,
    /** A row new since the previous run. */
    ADD,
    /** A row gone since the previous run. */
    DELETE;

    static V2Change of(BrokerValue value) {
        if (value.isNone()) {
            return NONE;
        }
        return switch (value.asEnum()) {
            case "ZeekAgent::Add" -> ADD;
            case "ZeekAgent::Delete" -> DELETE;
            default -> throw new BrokerFormatException("unknown change type " + value.asEnum());
        };
    }
}
