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
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the compat script API's hub side (zeek-agent-hub/compat): control events in, rows and presence out. Present
 * whenever the Zeek feature is; the control events are acted on only with {@code hub.zeek.control-enabled=true}, and
 * with {@code hub.zeek.control-keys} only from those CURVE keys, which the hub refuses to start with where it cannot
 * tell a sender's key.
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
                new CompatAccess(properties.controlEnabled(), controlKeys(properties.controlKeys(), channel)));
        channel.subscribe(CompatEvents.CONTROL, control::onControl);
        if (properties.controlEnabled() && properties.controlKeys().isEmpty()) {
            log.warn("Zeek control events are enabled (hub.zeek.control-enabled): any peer of the ZeroMQ proxy can"
                    + " create subscriptions and group rules; see docs/security.md");
        } else if (properties.controlEnabled()) {
            log.info(
                    "Zeek control events are enabled for {} CURVE key(s) (hub.zeek.control-keys)",
                    properties.controlKeys().size());
        }
        return control;
    }

    /**
     * The CURVE keys control events must come from (empty: any peer); throws {@link IllegalStateException} when keys
     * are set but the bridge cannot tell which key sent an event, since it would then let every peer through.
     */
    static Set<String> controlKeys(List<String> keys, AgentChannel channel) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> admitted = channel.authenticatedSenderKeys()
                .orElseThrow(() -> new IllegalStateException("hub.zeek.control-keys is set, but the hub can tell which"
                        + " CURVE key sent a control event only when it runs the proxy itself with CURVE on"
                        + " (hub.zeromq.mode=embedded-proxy and hub.zeromq.curve.server-secret-key set). With an"
                        + " external proxy (connect mode) or without CURVE any peer can send them: remove"
                        + " hub.zeek.control-keys, or run the embedded proxy with CURVE; see docs/security.md"));
        for (String key : keys) {
            if (!admitted.contains(key)) {
                log.warn(
                        "hub.zeek.control-keys has '{}', which hub.zeromq.curve.allowed-client-keys does not admit:"
                                + " a peer with that key cannot connect at all",
                        key);
            }
        }
        return Set.copyOf(keys);
    }
}
