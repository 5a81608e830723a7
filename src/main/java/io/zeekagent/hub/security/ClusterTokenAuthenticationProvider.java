package io.zeekagent.hub.security;

import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Replicas only ({@code hub.cluster.engine=kafka}): accepts the cluster secret {@code hub.cluster.internal-token}
 * as a reader key named {@value #NAME}, so replicas can ask each other's internal attribution API without a key
 * stored in the database. Compared by hash in constant time; does nothing when the token is blank. Tried before the
 * stored-key provider: every cross-replica lookup presents this token, and the stored-key path opens a database
 * transaction per request before failing over to here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "kafka")
class ClusterTokenAuthenticationProvider implements AuthenticationProvider {

    static final String NAME = "cluster-peer";

    private final byte @Nullable [] tokenHash;

    ClusterTokenAuthenticationProvider(Environment environment) {
        String token = environment.getProperty("hub.cluster.internal-token", "");
        this.tokenHash = token.isBlank() ? null : ApiKeySecrets.sha256(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((ApiKeyAuthentication) authentication).presentedKey();
        if (tokenHash != null && MessageDigest.isEqual(tokenHash, ApiKeySecrets.sha256(presented))) {
            return ApiKeyAuthentication.authenticated(new ApiKeyPrincipal(NAME, "cluster", Role.READER));
        }
        throw new BadCredentialsException("not the cluster token");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return tokenHash != null && ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
