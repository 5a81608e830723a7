package io.zeekagent.hub.broker;

import java.time.Instant;

/** A Broker timestamp: nanoseconds since the Unix epoch (UTC). */
public record TimestampValue(long nanos) implements BrokerValue {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Returns the timestamp for an instant; throws {@link ArithmeticException} beyond ±292 years. */
    public static TimestampValue of(Instant instant) {
        return new TimestampValue(
                Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano()));
    }

    /** Returns this timestamp as an instant. */
    public Instant toInstant() {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    @Override
    public BrokerType type() {
        return BrokerType.TIMESTAMP;
    }

    @Override
    public String toString() {
        return JsonText.timestamp(nanos);
    }
}
