package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the compat script API's hub side (zeek-agent-hub/compat): control events in, rows and presence out. Present
 * whenever the Zeek feature is; the control events are acted on only with {@code hub.zeek.control-enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "hub.zeek.enabled", matchIfMissing = true)
class CompatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CompatConfiguration.class);

    @Bean
    CompatRegistry zeekCompatRegistry() {
        return new CompatRegistry();
    }

    @Bean
    CompatRowForwarder zeekCompatRowForwarder(AgentChannel channel, CompatRegistry registry, MeterRegistry meters) {
        return new CompatRowForwarder(channel, registry, meters);
    }

    @Bean
    CompatPresence zeekCompatPresence(
            AgentChannel channel,
            CompatRegistry registry,
            @Lazy HostPresenceService presence,
            @Lazy HostService hosts) {
        return new CompatPresence(
                channel,
                registry,
                presence::onlineHostIds,
                id -> hosts.find(id).map(HostResponse::hostname).orElse(null));
    }

    @Bean
    CompatSweep zeekCompatSweep(
            @Lazy SubscriptionService subscriptions,
            CompatRegistry registry,
            ActivityLog activity,
            Clock clock,
            ZeekProperties properties) {
        return new CompatSweep(subscriptions, registry, activity, clock, properties.controlOrphanAfter());
    }

    @Bean
    CompatControl zeekCompatControl(
            AgentChannel channel,
            @Lazy SubscriptionService subscriptions,
            @Lazy GroupService groups,
            @Lazy OneShotQueryService queries,
            CompatRegistry registry,
            CompatRowForwarder rows,
            CompatPresence presence,
            ActivityLog activity,
            MeterRegistry meters,
            ZeekProperties properties) {
        CompatControl control = new CompatControl(
                channel,
                subscriptions,
                groups,
                queries,
                registry,
                rows,
                presence::welcome,
                activity,
                meters,
                properties.controlEnabled());
        channel.subscribe(CompatEvents.CONTROL, control::onControl);
        if (properties.controlEnabled()) {
            log.warn("Zeek control events are enabled (hub.zeek.control-enabled): any peer of the ZeroMQ proxy can"
                    + " create subscriptions and group rules; see docs/security.md");
        }
        return control;
    }
}
