package io.zeekagent.hub.security;

import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Accepts the configured admin key ({@code HUB_ADMIN_KEY}, compared by hash in constant time) and the keys stored in
 * the database. Being an {@link AuthenticationProvider} bean also stops Boot from creating its default user.
 */
@Component
class StoredApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyService keys;
    private final byte @Nullable [] configuredAdminKeyHash;

    StoredApiKeyAuthenticationProvider(ApiKeyService keys, HubSecurityProperties properties) {
        this.keys = keys;
        String adminKey = properties.adminKey();
        this.configuredAdminKeyHash = adminKey == null ? null : ApiKeySecrets.sha256(adminKey);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((ApiKeyAuthentication) authentication).presentedKey();
        if (configuredAdminKeyHash != null
                && MessageDigest.isEqual(configuredAdminKeyHash, ApiKeySecrets.sha256(presented))) {
            return ApiKeyAuthentication.authenticated(ApiKeyPrincipal.configuredAdmin());
        }
        return keys.authenticate(presented)
                .map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
