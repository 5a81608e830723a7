package io.zeekagent.hub.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How long and how many {@code Idempotency-Key} answers the hub remembers.
 *
 * @param ttl how long a key's answer is replayed
 * @param maxEntries most keys remembered at once; beyond it the least recently used are forgotten
 * @param maxResponseSize answers larger than this are not remembered (a retry is then executed again)
 */
@ConfigurationProperties("hub.idempotency")
public record IdempotencyProperties(Duration ttl, int maxEntries, DataSize maxResponseSize) {

    public IdempotencyProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        maxEntries = maxEntries <= 0 ? 10_000 : maxEntries;
        maxResponseSize = maxResponseSize == null ? DataSize.ofKilobytes(256) : maxResponseSize;
    }
}
