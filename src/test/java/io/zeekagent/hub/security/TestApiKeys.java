package io.zeekagent.hub.security;

import java.util.Map;
import java.util.Optional;

/**
 * Fixed API keys for tests, one per role. {@link ApiKeyTestConfiguration} makes them valid in any test context and
 * sends {@link #ADMIN} with every MockMvc and RestTestClient request unless a test sets the header itself.
 */
public final class TestApiKeys {

    /** The header the test keys are sent in. */
    public static final String HEADER = "X-API-Key";

    public static final String READER = "zah_test-reader-key-not-for-production-use-0000000000000";
    public static final String OPERATOR = "zah_test-operator-key-not-for-production-use-00000000000";
    public static final String ADMIN = "zah_test-admin-key-not-for-production-use-000000000000000";

    private static final Map<String, Role> ROLES =
            Map.of(READER, Role.READER, OPERATOR, Role.OPERATOR, ADMIN, Role.ADMIN);

    private TestApiKeys() {}

    /** The key for {@code role}: {@code reader}, {@code operator} or {@code admin}. */
    public static String forRole(String role) {
        return switch (Role.of(role)) {
            case READER -> READER;
            case OPERATOR -> OPERATOR;
            case ADMIN -> ADMIN;
        };
    }

    static Optional<Role> roleOf(String key) {
        return Optional.ofNullable(ROLES.get(key));
    }
}
