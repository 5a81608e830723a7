package io.zeekagent.hub.subscription;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for subscriptions ({@code hub.subscription.*}).
 *
 * @param defaultInterval how often agents run a query when the subscription does not say (1 s to 1 day, whole seconds)
 * @param defaultEvent the Zeek event name agents send rows as when the subscription does not say; rows are routed by
 *     cookie, so the name only shows up on the wire
 * @param defaultSocketEvents whether the hub creates, once, the seed's socket-event subscription for v1 agents so
 *     attribution works out of the box (it can be edited or disabled afterwards like any other)
 */
@ConfigurationProperties("hub.subscription")
@Validated
record SubscriptionProperties(
        @DefaultValue("10s") @NotNull Duration defaultInterval,

        @DefaultValue("ZeekAgent::query_result") @NotNull @Pattern(regexp = Subscriptions.EVENT_PATTERN)
        String defaultEvent,

        @DefaultValue("true") boolean defaultSocketEvents) {

    SubscriptionProperties {
        if (defaultInterval.compareTo(Duration.ofSeconds(1)) < 0
                || defaultInterval.compareTo(Duration.ofSeconds(Subscriptions.MAX_INTERVAL_SECONDS)) > 0) {
            throw new IllegalArgumentException(
                    "hub.subscription.default-interval must be between 1s and 86400s, was " + defaultInterval);
        }
    }
}
