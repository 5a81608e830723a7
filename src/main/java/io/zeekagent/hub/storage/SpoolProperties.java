package io.zeekagent.hub.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The disk spool of the durable writers ({@code hub.spool.*}).
 *
 * @param enabled false keeps an outage in memory only (rows beyond the buffer are dropped, as before the spool)
 * @param directory where each stream keeps its segment files, one sub-directory per stream
 * @param maxSize the most disk all streams' segments may take together; beyond it rows are dropped and counted
 * @param segmentSize a segment file is closed and a new one started past this size
 * @param dropLogInterval spool-full drops are logged at most once per this interval, with the count since the last
 */
@Validated
@ConfigurationProperties("hub.spool")
public record SpoolProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/spool") @NotNull Path directory,
        @DefaultValue("1GB") @NotNull DataSize maxSize,
        @DefaultValue("64MB") @NotNull DataSize segmentSize,
        @DefaultValue("10s") @NotNull Duration dropLogInterval) {}
