package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.BadCredentialsException;

class ClusterTokenAuthenticationProviderTests {

    private static final String TOKEN = "cluster-token-for-this-test-0123456789";

    private final ClusterTokenAuthenticationProvider provider = new ClusterTokenAuthenticationProvider(
            new MockEnvironment().withProperty("hub.cluster.internal-token", TOKEN));

    @Test
    void theClusterTokenIsAReaderAndAnyOtherKeyIsRefused() {
        var accepted = provider.authenticate(ApiKeyAuthentication.unauthenticated(TOKEN));
        assertThat(accepted.isAuthenticated()).isTrue();
        assertThat(((ApiKeyPrincipal) accepted.getPrincipal()).role()).isEqualTo(Role.READER);
        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.unauthenticated(TOKEN + "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aBlankTokenSupportsNothing() {
        assertThat(new ClusterTokenAuthenticationProvider(new MockEnvironment()).supports(ApiKeyAuthentication.class))
                .isFalse();
    }

    /** Peer lookups present the token: it is checked before the stored-key provider opens a transaction. */
    @Test
    void triedBeforeTheStoredKeyProvider() {
        StoredApiKeyAuthenticationProvider stored = new StoredApiKeyAuthenticationProvider(
                mock(ApiKeyService.class),
                new HubSecurityProperties(true, null, 10, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        List<Object> providers = new ArrayList<>(List.of(stored, provider));
        AnnotationAwareOrderComparator.sort(providers);
        assertThat(providers.get(0)).isSameAs(provider);
    }
}
