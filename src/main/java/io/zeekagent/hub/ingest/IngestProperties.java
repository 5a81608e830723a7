package io.zeekagent.hub.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Socket-event ingestion limits ({@code hub.ingest.*}).
 *
 * @param maxBatch most events accepted in one {@code POST /api/v1/socket-events}
 * @param flushInterval longest an agent row waits in the buffer before it is committed
 * @param batchSize most agent rows committed in one JDBC batch
 * @param bufferCapacity agent rows that may wait for the writer; beyond it rows are dropped and counted
 */
@ConfigurationProperties("hub.ingest")
@Validated
public record IngestProperties(
        @DefaultValue("10000") @Min(1) int maxBatch,
        @DefaultValue("200ms") @NotNull Duration flushInterval,
        @DefaultValue("5000") @Min(1) int batchSize,
        @DefaultValue("100000") @Min(1) int bufferCapacity) {}
