package io.zeekagent.hub.query;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of one-shot queries ({@code hub.queries.*}).
 *
 * @param maxWait the longest {@code GET /api/v1/queries/{id}?waitSeconds=} holds a request
 * @param settle after the last target answered, how long to wait for its trailing rows (v1 agents send one event
 *     per row and no end marker)
 * @param retention queries and their rows older than this are deleted
 * @param event the response event name handed to agents
 */
@Validated
@ConfigurationProperties("hub.queries")
record QueryProperties(
        @DefaultValue("60s") @NotNull Duration maxWait,
        @DefaultValue("300ms") @NotNull Duration settle,
        @DefaultValue("1d") @NotNull Duration retention,
        @DefaultValue("ZeekAgent::query_result") @NotBlank String event) {}
