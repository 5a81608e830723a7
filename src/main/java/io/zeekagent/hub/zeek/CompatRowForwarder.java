package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowHandler;
import io.zeekagent.hub.zeromq.AgentChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows of compat subscriptions and executions back to the calling Zeek as the event it named, with its
 * {@code Result} and one argument per column converted to the declared types. A row that does not convert is
 * counted ({@code hub.zeek.compat.rows{outcome=unconvertible}}) and logged at most every 10 s, never sent: Zeek would
 * drop it silently.
 */
final class CompatRowForwarder implements RowHandler {

    /** Cookies (subscription ids) of compat subscriptions start with this. */
    static final String COOKIE_PREFIX = "zeek-";

    private static final Logger log = LoggerFactory.getLogger(CompatRowForwarder.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final AgentChannel channel;
    private final CompatRegistry registry;
    private final Counter sent;
    private final Counter unconvertible;
    private long nextWarn = System.nanoTime();

    CompatRowForwarder(AgentChannel channel, CompatRegistry registry, MeterRegistry meters) {
        this.channel = channel;
        this.registry = registry;
        this.sent = meters.counter("hub.zeek.compat.rows", "outcome", "sent");
        this.unconvertible = meters.counter("hub.zeek.compat.rows", "outcome", "unconvertible");
    }

    @Override
    public boolean handles(String cookie) {
        return cookie.startsWith(COOKIE_PREFIX);
    }

    /** A row of a compat subscription; false (an unknown cookie) when no Zeek has claimed it since the hub started. */
    @Override
    public boolean accept(AgentRow row) {
        return registry.route(row.cookie()).map(route -> forward(route, row)).orElse(false);
    }

    /** Converts and sends one row along a route; true also when it was counted as unconvertible. */
    boolean forward(CompatRoute route, AgentRow row) {
        try {
            channel.publish(route.inbox(), route.toEvent(row));
            sent.increment();
        } catch (BrokerFormatException e) {
            unconvertible.increment();
            warn(route, row, e.getMessage());
        }
        return true;
    }

    double sentCount() {
        return sent.count();
    }

    double unconvertibleCount() {
        return unconvertible.count();
    }

    private synchronized void warn(CompatRoute route, AgentRow row, String why) {
        long now = System.nanoTime();
        if (now - nextWarn >= 0) {
            nextWarn = now + WARN_EVERY_NANOS;
            log.warn(
                    "Dropped a row of host {} for {} of {} ({}): {} (further ones counted in hub.zeek.compat.rows)",
                    row.hostId(),
                    route.event(),
                    route.owner(),
                    route.cookie().isEmpty() ? "no cookie" : "cookie " + route.cookie(),
                    why);
        }
    }
}
