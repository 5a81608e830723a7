package io.zeekagent.hub.osquery;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.subscription.BuiltInSocketEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the osquery listener and declares the built-in osquery socket-event subscription. */
@Configuration(proxyBeanMethods = false)
class OsqueryConfiguration {

    static final String SOCKET_EVENTS_NAME = "default socket events (osquery)";

    /**
     * osquery's {@code socket_events} (Linux Audit, macOS OpenBSM), IPv4 and IPv6. No {@code time} predicate: one
     * would turn off osquery's event optimisation and every run would return the same events again.
     */
    static final String SOCKET_EVENTS_QUERY = "SELECT action, pid, fd, path, auid, family, local_address, local_port,"
            + " remote_address, remote_port, status, time FROM socket_events WHERE family IN (2, 10)";

    @Bean
    BuiltInSocketEvents osquerySocketEvents(OsqueryProperties properties) {
        return new BuiltInSocketEvents(
                SOCKET_EVENTS_NAME, SOCKET_EVENTS_QUERY, "osquery", properties.defaultSocketEvents());
    }

    @Bean
    OsqueryServer osqueryServer(OsqueryProperties properties, OsqueryEndpoints endpoints, MeterRegistry meters) {
        return new OsqueryServer(properties, new OsqueryHttpHandler(endpoints, properties, meters));
    }
}
