package io.zeekagent.hub.dispatch;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dispatcher ({@code hub.dispatch.*}).
 *
 * @param interval time between reconciliation ticks; every change converges within one
 * @param enabled whether the scheduled tick runs (tests and benchmarks drive {@link DispatchService#tick()} by hand)
 * @param detailedActivityLimit a tick sending at most this many commands logs each one in the activity log;
 *     a bigger tick logs one summary line instead of flooding it
 */
@Validated
@ConfigurationProperties("hub.dispatch")
record DispatchProperties(
        @DefaultValue("2s") @NotNull Duration interval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") @Positive int detailedActivityLimit) {}
