package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** Tests for {@link OsqueryServer}. */
class OsqueryServerTests {

    @Test
    void picksTheCipherSuiteItselfAes128FirstAndOffersOnlyEcdheAesGcm() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, null, null);

        SSLParameters p = OsqueryServer.parameters(ssl);

        List<String> suites = Arrays.asList(p.getCipherSuites());
        assertThat(p.getUseCipherSuitesOrder()).isTrue();
        assertThat(p.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(suites).startsWith("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(suites).allSatisfy(s -> assertThat(OsqueryServer.allowed(s)).isTrue());
        assertThat(suites.indexOf("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
                .isPositive()
                .isLessThan(suites.indexOf("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
    }
}
