package io.zeekagent.hub.broker;

import java.time.Duration;

/** A Broker timespan: a signed number of nanoseconds. */
public record TimespanValue(long nanos) implements BrokerValue {

    /** Returns the timespan for a duration; throws {@link ArithmeticException} beyond ±292 years. */
    public static TimespanValue of(Duration duration) {
        return new TimespanValue(duration.toNanos());
    }

    /** Returns this timespan as a duration. */
    public Duration toDuration() {
        return Duration.ofNanos(nanos);
    }

    @Override
    public BrokerType type() {
        return BrokerType.TIMESPAN;
    }

    @Override
    public String toString() {
        return JsonText.timespan(nanos);
    }
}
