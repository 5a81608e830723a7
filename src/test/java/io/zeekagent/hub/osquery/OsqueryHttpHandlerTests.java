package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link OsqueryHttpHandler}'s paths and header parsing, and {@link OsqueryServer}'s cipher choice. */
class OsqueryHttpHandlerTests {

    @Test
    void servesFleetsPathsAndTheirV1AliasesOnly() {
        assertThat(OsqueryHttpHandler.endpoint("/api/osquery/enroll")).isEqualTo("enroll");
        assertThat(OsqueryHttpHandler.endpoint("/api/v1/osquery/distributed/read"))
                .isEqualTo("distributed/read");
        assertThat(OsqueryHttpHandler.endpoint("/api/osquery/distributed/write/"))
                .isEqualTo("distributed/write");
        assertThat(OsqueryHttpHandler.endpoint("/api/osquery/carve/begin")).isEqualTo("unknown");
        assertThat(OsqueryHttpHandler.endpoint("/api/v1/hosts")).isEqualTo("unknown");
    }

    @Test
    void readsTheNodeKeyOfTheAuthorizationHeaderOnly() {
        assertThat(OsqueryHttpHandler.nodeKey("NodeKey abc")).isEqualTo("abc");
        assertThat(OsqueryHttpHandler.nodeKey("nodekey  abc ")).isEqualTo("abc");
        assertThat(OsqueryHttpHandler.nodeKey("Bearer abc")).isNull();
        assertThat(OsqueryHttpHandler.nodeKey("NodeKey ")).isNull();
        assertThat(OsqueryHttpHandler.nodeKey(null)).isNull();
    }

    @Test
    void offersOnlyEcdheWithAesGcm() {
        assertThat(OsqueryServer.allowed("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                .isTrue();
        assertThat(OsqueryServer.allowed("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
                .isTrue();
        assertThat(OsqueryServer.allowed("TLS_AES_256_GCM_SHA384")).isTrue();
        assertThat(OsqueryServer.allowed("TLS_RSA_WITH_AES_128_GCM_SHA256")).isFalse();
        assertThat(OsqueryServer.allowed("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")).isFalse();
        assertThat(OsqueryServer.allowed("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"))
                .isFalse();
        assertThat(OsqueryServer.allowed("TLS_CHACHA20_POLY1305_SHA256")).isFalse();
    }

    @Test
    void namesScheduledQueriesBySubscriptionAndSql() {
        String a = ScheduleNames.of("3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10", "SELECT 1");

        assertThat(a).startsWith("3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10@").hasSize(36 + 1 + 8);
        assertThat(ScheduleNames.of("3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10", "SELECT 2"))
                .isNotEqualTo(a);
        assertThat(ScheduleNames.subscriptionId(a)).isEqualTo("3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10");
    }
}
