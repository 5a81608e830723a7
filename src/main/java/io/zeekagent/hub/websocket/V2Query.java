package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The 7-field {@code ZeekAgent::Query} record of {@code install_query_v1} (§2.5), encoded within the agent's
 * decoder limits (§2.3): no booleans, addresses, ports, subnets or tables; the schedule in whole seconds.
 *
 * @param sql the SELECT statement
 * @param schedule how often to run it; {@code null} for a one-shot query
 * @param mode what each run reports
 * @param event the event name result rows come back as
 * @param cookie returned in every result's context; the hub puts the subscription's cookie here
 * @param requiresTables the agent skips the query silently unless it has all of these
 * @param ifMissingTables the agent skips the query silently if it has any of these
 */
record V2Query(
        String sql,
        @Nullable Duration schedule,
        V2Mode mode,
        String event,
        @Nullable String cookie,
        Set<String> requiresTables,
        Set<String> ifMissingTables) {

    V2Query {
        requiresTables = Set.copyOf(requiresTables);
        ifMissingTables = Set.copyOf(ifMissingTables);
        if (schedule != null && schedule.toSeconds() < 1) {
            throw new IllegalArgumentException("a schedule is at least one second, got " + schedule);
        }
    }

    /** The positional record as Broker data. */
    BrokerValue toBroker() {
        return BrokerValue.vector(
                BrokerValue.string(sql),
                schedule == null ? BrokerValue.none() : BrokerValue.timespan(Duration.ofSeconds(schedule.toSeconds())),
                BrokerValue.enumValue(mode.enumName()),
                BrokerValue.vector(BrokerValue.string(event)),
                cookie == null ? BrokerValue.none() : BrokerValue.string(cookie),
                BrokerValue.set(requiresTables.stream().map(BrokerValue::string).toList()),
                BrokerValue.set(
                        ifMissingTables.stream().map(BrokerValue::string).toList()));
    }
}
