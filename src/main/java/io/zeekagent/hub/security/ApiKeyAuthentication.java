package io.zeekagent.hub.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key on its way through Spring Security: unauthenticated it carries the presented key, authenticated it
 * carries the {@link ApiKeyPrincipal} and the role's authorities, and no key.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final @Nullable String presentedKey;
    private final @Nullable ApiKeyPrincipal principal;

    private ApiKeyAuthentication(@Nullable String presentedKey, @Nullable ApiKeyPrincipal principal) {
        super(principal == null ? List.of() : principal.role().authorities());
        this.presentedKey = presentedKey;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(presentedKey, null);
    }

    static ApiKeyAuthentication authenticated(ApiKeyPrincipal principal) {
        return new ApiKeyAuthentication(null, principal);
    }

    @Override
    public @Nullable Object getCredentials() {
        return presentedKey;
    }

    @Override
    public @Nullable Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal == null ? "" : principal.name();
    }

    /** The presented key, or empty once authenticated. */
    String presentedKey() {
        return presentedKey == null ? "" : presentedKey;
    }
}
