package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.zeromq.AgentChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Zeek request path onto the bridge; {@code hub.zeek.enabled=false} leaves it out entirely. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "hub.zeek.enabled", matchIfMissing = true)
class ZeekConfiguration {

    @Bean
    InboxTracker zeekInboxTracker(AgentChannel channel) {
        InboxTracker inboxes = new InboxTracker();
        channel.addSubscriptionListener(inboxes);
        return inboxes;
    }

    @Bean
    ZeekMetrics zeekMetrics(MeterRegistry registry, InboxTracker inboxes) {
        return new ZeekMetrics(registry, inboxes);
    }

    @Bean
    ZeekRequestHandler zeekRequestHandler(
            AgentChannel channel,
            AttributionService attribution,
            InboxTracker inboxes,
            ZeekMetrics metrics,
            ZeekProperties properties) {
        ZeekRequestHandler handler =
                new ZeekRequestHandler(channel, new ServiceAttributor(attribution), inboxes, metrics);
        if (properties.answerOnSocketThread(channel.inlineOnProxyThread())) {
            // Fewer thread hand-offs; by default only on the embedded proxy's thread (BENCHMARKS.md, "Third session").
            channel.subscribeInline(ZeekTopics.REQUEST, handler::onRequestInline, handler::onRequest);
        } else {
            channel.subscribe(ZeekTopics.REQUEST, handler::onRequest);
        }
        return handler;
    }

    @Bean
    ZeekHello zeekHello(
            AgentChannel channel,
            ZeekMetrics metrics,
            ActivityLog activity,
            ZeekProperties properties,
            ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        String version = info == null || info.getVersion() == null ? "unknown" : info.getVersion();
        return new ZeekHello(channel, metrics, activity, properties, version);
    }
}
