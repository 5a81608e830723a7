package io.zeekagent.hub.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the activity log ({@code hub.activity.*}).
 *
 * @param file the Zeek ASCII log file ({@code zeek-cut} reads it); an existing file is rotated aside at start
 * @param fileEnabled whether to write the file at all (entries are persisted either way)
 * @param queueCapacity entries waiting for the writer thread; beyond it entries are dropped and counted, so a
 *     flood of protocol errors never blocks the bridge
 * @param retention persisted entries older than this are deleted
 */
@Validated
@ConfigurationProperties("hub.activity")
record ActivityProperties(
        @DefaultValue("./logs/zeek-agent.log") @NotNull Path file,
        @DefaultValue("true") boolean fileEnabled,
        @DefaultValue("10000") @Positive int queueCapacity,
        @DefaultValue("30d") @NotNull Duration retention) {}
