package io.zeekagent.hub.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of outbound webhook deliveries.
 *
 * @param allowedNetworks CIDR networks a webhook URL may resolve into; every address the host name resolves to must
 *     be inside one (default: the private networks where SOAR tools usually run; loopback and link-local, where
 *     metadata services live, are not in it)
 * @param maxAttempts tries per delivery before it is given up (and DELIVERY_FAILED is raised)
 * @param initialBackoff wait before the first retry; doubled for each further one
 * @param timeout connect and answer timeout of one attempt
 * @param maxQueued deliveries waiting at most; beyond it new ones are dropped and counted, never waited for
 * @param maxWebhooks webhooks at most
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(
        List<String> allowedNetworks,
        int maxAttempts,
        Duration initialBackoff,
        Duration timeout,
        int maxQueued,
        int maxWebhooks) {

    public WebhookProperties {
        allowedNetworks = allowedNetworks == null
                ? List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
                : List.copyOf(allowedNetworks);
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxQueued = maxQueued <= 0 ? 1000 : maxQueued;
        maxWebhooks = maxWebhooks <= 0 ? 100 : maxWebhooks;
    }
}
