package io.zeekagent.hub.console;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the console ({@code hub.console.*}).
 *
 * @param sampleInterval how often the hub's meters are sampled for the Flow page's series
 * @param window how much history the series keep (the Flow page shows all of it)
 */
@Validated
@ConfigurationProperties("hub.console")
record ConsoleProperties(
        @DefaultValue("5s") @NotNull Duration sampleInterval,
        @DefaultValue("15m") @NotNull Duration window) {

    ConsoleProperties {
        if (sampleInterval.compareTo(Duration.ofMillis(100)) < 0 || window.compareTo(sampleInterval) < 0) {
            throw new IllegalArgumentException("hub.console.sample-interval must be at least 100ms and at most"
                    + " hub.console.window, got " + sampleInterval + " and " + window);
        }
    }

    /** How many samples the window holds (one more than intervals, to give a rate for each). */
    int capacity() {
        return (int) Math.min(10_000, window.toMillis() / sampleInterval.toMillis() + 1);
    }
}
