package io.zeekagent.hub.security;

/**
 * Who an accepted key belongs to: what the audit trail names and what authorisation checks.
 *
 * @param name the key's name (the configured admin key is {@value #CONFIGURED_ADMIN_NAME})
 * @param keyId the key's public id, or {@code "configured"} for the configured admin key
 * @param role the key's role
 */
record ApiKeyPrincipal(String name, String keyId, Role role) {

    static final String CONFIGURED_ADMIN_NAME = "configured-admin";

    static ApiKeyPrincipal configuredAdmin() {
        return new ApiKeyPrincipal(CONFIGURED_ADMIN_NAME, "configured", Role.ADMIN);
    }
}
