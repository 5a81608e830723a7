package io.zeekagent.hub.security;

import io.zeekagent.hub.system.ConflictException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure somebody can administer a fresh hub. With a configured admin key ({@code HUB_ADMIN_KEY}) nothing is
 * done; otherwise, if the database holds no admin key, one is generated, stored hashed and printed to the log once
 * in a banner. It runs before the web server opens, so no request can race it.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

    static final String GENERATED_KEY_NAME = "initial-admin";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
    private static final String RULE = "=".repeat(100);

    private final ApiKeyService keys;
    private final HubSecurityProperties properties;

    AdminKeyBootstrap(ApiKeyService keys, HubSecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.enabled()) {
            return;
        }
        if (properties.adminKey() != null) {
            log.info("Admin API key configured (hub.security.admin-key / HUB_ADMIN_KEY)");
            return;
        }
        if (keys.hasStoredAdminKey()) {
            return;
        }
        CreatedApiKeyResponse created;
        try {
            created = keys.create(GENERATED_KEY_NAME, Role.ADMIN);
        } catch (ConflictException nameTaken) {
            created = keys.create(GENERATED_KEY_NAME + "-" + Instant.now().getEpochSecond(), Role.ADMIN);
        }
        log.warn(
                "\n{}\n  Zeek Agent Hub generated the initial ADMIN API key. It is shown only this once:\n\n      {}\n\n"
                        + "  Send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'. Only its hash is stored;"
                        + " if you lose it,\n  set HUB_ADMIN_KEY and restart, then create new keys at /api/v1/api-keys."
                        + "\n{}",
                RULE,
                created.key(),
                RULE);
    }
}
