package io.zeekagent.hub.security;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * REST API access control settings ({@code hub.security.*}).
 *
 * @param enabled {@code false} turns authentication off entirely (logged as a warning at every start)
 * @param adminKey an admin key chosen by the operator ({@code HUB_ADMIN_KEY}); checked in memory, never stored; when
 *     blank and the database holds no admin key, one is generated at start and printed once
 * @param maxFailedAttempts failed key attempts a client address may make per {@code failureWindow} before it gets 429
 * @param failureWindow the window over which {@code maxFailedAttempts} refill
 * @param lastUsedResolution how stale a key's stored {@code lastUsedAt} may get: at most one write per key per period
 */
@ConfigurationProperties("hub.security")
@Validated
record HubSecurityProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String adminKey,
        @DefaultValue("10") @Positive int maxFailedAttempts,
        @DefaultValue("1m") Duration failureWindow,
        @DefaultValue("1m") Duration lastUsedResolution) {

    /** Configured admin keys shorter than this are refused at start: they could be guessed. */
    static final int MIN_CONFIGURED_KEY_LENGTH = 20;

    HubSecurityProperties {
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
        if (adminKey != null && adminKey.strip().length() < MIN_CONFIGURED_KEY_LENGTH) {
            throw new IllegalArgumentException("hub.security.admin-key (HUB_ADMIN_KEY) must be at least "
                    + MIN_CONFIGURED_KEY_LENGTH + " characters; generate one with: openssl rand -base64 32");
        }
        if (adminKey != null) {
            adminKey = adminKey.strip();
        }
    }
}
