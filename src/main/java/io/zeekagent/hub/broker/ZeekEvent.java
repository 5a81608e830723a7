package io.zeekagent.hub.broker;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Zeek event as it travels in Broker data: {@code [count 1, count 1, [name, [args...], (metadata)]]}.
 * The only metadata modelled is the network timestamp (id 1); other metadata ids are ignored on read.
 *
 * @param name the event name including its module, e.g. {@code ZeekAgent::host_new}
 * @param args the arguments in declaration order
 * @param networkTimestamp the network-timestamp metadata, or {@code null} to send none
 */
public record ZeekEvent(
        String name, List<BrokerValue> args, @Nullable Instant networkTimestamp) {

    /** Broker's Zeek message format version. */
    static final long PROTOCOL_VERSION = 1;
    /** Broker's Zeek message type for events. */
    static final long TYPE_EVENT = 1;
    /** Metadata id of the network timestamp. */
    static final long METADATA_NETWORK_TIMESTAMP = 1;

    private static final BrokerValue ONE = BrokerValue.count(1);

    /** Makes the arguments unmodifiable. */
    public ZeekEvent {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /** Returns an event without metadata. */
    public static ZeekEvent of(String name, BrokerValue... args) {
        return new ZeekEvent(name, List.of(args), null);
    }

    /** Returns the Broker data of this event; metadata only when there is a network timestamp. */
    public BrokerValue toBroker() {
        BrokerValue inner;
        if (networkTimestamp == null) {
            inner = BrokerValue.vector(BrokerValue.string(name), new VectorValue(args));
        } else {
            BrokerValue stamp = BrokerValue.vector(ONE, BrokerValue.timestamp(networkTimestamp));
            inner = BrokerValue.vector(BrokerValue.string(name), new VectorValue(args), BrokerValue.vector(stamp));
        }
        return BrokerValue.vector(ONE, ONE, inner);
    }

    /** Returns the metadata vector {@code [[count 1, timestamp]]} for a network timestamp. */
    static BrokerValue metadata(Instant networkTimestamp) {
        return BrokerValue.vector(BrokerValue.vector(ONE, BrokerValue.timestamp(networkTimestamp)));
    }

    /**
     * Reads an event from Broker data, accepting absent, empty and {@code [[1, timestamp]]} metadata.
     *
     * @throws BrokerFormatException when the data is not a Zeek event
     */
    public static ZeekEvent fromBroker(BrokerValue value) {
        List<BrokerValue> outer = vector(value, "event message");
        if (outer.size() != 3) {
            throw new BrokerFormatException("event message must have 3 elements, got " + outer.size());
        }
        long version = count(outer.get(0), "format version");
        long type = count(outer.get(1), "message type");
        if (version != PROTOCOL_VERSION || type != TYPE_EVENT) {
            throw new BrokerFormatException("not an event (version " + version + ", type " + type + ")");
        }
        List<BrokerValue> inner = vector(outer.get(2), "event body");
        if (inner.size() != 2 && inner.size() != 3) {
            throw new BrokerFormatException("event body must have 2 or 3 elements, got " + inner.size());
        }
        if (!(inner.get(0) instanceof StringValue name)) {
            throw new BrokerFormatException(
                    "event name must be a string, got " + inner.get(0).type());
        }
        List<BrokerValue> args = vector(inner.get(1), "event arguments");
        Instant timestamp = inner.size() == 3 ? networkTimestamp(inner.get(2)) : null;
        return new ZeekEvent(name.value(), args, timestamp);
    }

    private static @Nullable Instant networkTimestamp(BrokerValue metadata) {
        Instant timestamp = null;
        for (BrokerValue entry : vector(metadata, "event metadata")) {
            List<BrokerValue> pair = vector(entry, "metadata entry");
            if (pair.size() != 2) {
                throw new BrokerFormatException("metadata entry must have 2 elements, got " + pair.size());
            }
            if (count(pair.get(0), "metadata id") == METADATA_NETWORK_TIMESTAMP) {
                if (!(pair.get(1) instanceof TimestampValue stamp)) {
                    throw new BrokerFormatException("network timestamp metadata must be a timestamp");
                }
                timestamp = stamp.toInstant();
            }
        }
        return timestamp;
    }

    private static List<BrokerValue> vector(BrokerValue value, String what) {
        if (value instanceof VectorValue vector) {
            return vector.elements();
        }
        throw new BrokerFormatException(what + " must be a vector, got " + value.type());
    }

    private static long count(BrokerValue value, String what) {
        if (value instanceof CountValue count) {
            return count.value();
        }
        throw new BrokerFormatException(what + " must be a count, got " + value.type());
    }
}
