package io.zeekagent.hub.result;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of result storage ({@code hub.results.*}).
 *
 * @param retention stored rows older than this are deleted
 * @param batchSize rows per JDBC batch
 * @param flushInterval the longest a received row waits before it is written (what a hard kill can lose)
 * @param queueCapacity rows waiting for the writer; beyond it rows are dropped and counted
 * @param lookupCacheTtl how long a subscription's columns and kind are cached for routing rows
 */
@Validated
@ConfigurationProperties("hub.results")
record ResultsProperties(
        @DefaultValue("7d") @NotNull Duration retention,
        @DefaultValue("1000") @Positive int batchSize,
        @DefaultValue("500ms") @NotNull Duration flushInterval,
        @DefaultValue("100000") @Positive int queueCapacity,
        @DefaultValue("5s") @NotNull Duration lookupCacheTtl) {}
