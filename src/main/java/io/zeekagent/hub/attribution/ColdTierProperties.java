package io.zeekagent.hub.attribution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The database as attribution's cold tier ({@code hub.attribution.cold.*}, docs/attribution.md "Tiers").
 *
 * @param enabled whether lookups fall back to the database; unset = on for PostgreSQL, off for H2
 * @param timeout longest one cold statement may run, and wait for a connection, before the memory answer is returned
 *     as incomplete
 * @param retryInterval after a database failure, how long lookups skip the cold tier (answering incomplete at once)
 * @param clockSkew allowance between agent clocks and receipt when bounding a probe by receipt time
 * @param maxEvents most events kept in the database (oldest deleted beyond it); 0 = no cap but retention
 * @param partitionsAhead hourly {@code socket_events} partitions created ahead of time on PostgreSQL
 * @param groupSize most batch-enrichment lines whose cold probes share one statement
 * @param maxStatements most cold statements running at once; probes arriving meanwhile wait and share the next
 *     one (answers unchanged, fewer round trips under concurrent load)
 */
@ConfigurationProperties("hub.attribution.cold")
@Validated
public record ColdTierProperties(
        @Nullable Boolean enabled,
        @DefaultValue("2s") @NotNull Duration timeout,
        @DefaultValue("5s") @NotNull Duration retryInterval,
        @DefaultValue("5m") @NotNull Duration clockSkew,
        @DefaultValue("0") @Min(0) long maxEvents,
        @DefaultValue("6") @Min(1) int partitionsAhead,
        @DefaultValue("500") @Min(1) int groupSize,
        @DefaultValue("2") @Min(1) int maxStatements) {}
