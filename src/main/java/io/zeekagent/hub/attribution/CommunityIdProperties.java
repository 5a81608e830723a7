package io.zeekagent.hub.attribution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The flows attribution remembers by Community ID ({@code hub.attribution.community-ids.*}), so that {@code POST
 * /api/v1/attributions} answers a {@code community_id} alone for a flow the hub has seen (docs/attribution.md).
 *
 * @param maxEntries most flows remembered; beyond it the least recently seen is forgotten (and counted); 0 turns
 *     the memory off (a {@code community_id} alone is then always unknown)
 * @param ttl how long a flow is remembered after it was last seen
 */
@ConfigurationProperties("hub.attribution.community-ids")
@Validated
public record CommunityIdProperties(
        @DefaultValue("200000") @Min(0) int maxEntries,
        @DefaultValue("24h") @NotNull Duration ttl) {}
