package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tests for {@link AdminKeyBootstrap}: configured key, first start, and a start with a stored admin key. */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ApiKeyService.class, AdminKeyBootstrapTests.Properties.class})
@ExtendWith(OutputCaptureExtension.class)
class AdminKeyBootstrapTests {

    private static final Pattern PRINTED_KEY = Pattern.compile("\\s(zah_[A-Za-z0-9_-]{55})\\s");

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyRepository repository;

    @Test
    void firstStartGeneratesAnAdminKeyPrintsItOnceAndStoresOnlyItsHash(CapturedOutput output) {
        repository.deleteAll();
        bootstrap(null).afterSingletonsInstantiated();

        String key = printedKey(output.getOut());
        assertThat(key).isNotNull();
        assertThat(output.getOut()).contains("shown only this once");
        assertThat(keys.authenticate(key))
                .hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.ADMIN));
        assertThat(repository.findAll())
                .singleElement()
                .satisfies(k -> assertThat(k.secretHash()).isEqualTo(ApiKeySecrets.hashHex(key)));

        int before = output.getOut().length();
        bootstrap(null).afterSingletonsInstantiated();
        assertThat(output.getOut().substring(before)).doesNotContain("zah_").doesNotContain("ADMIN API key");
        assertThat(repository.count()).isOne();
    }

    @Test
    void configuredKeyMeansNothingIsGeneratedOrPrinted(CapturedOutput output) {
        repository.deleteAll();
        bootstrap("an-operator-chosen-admin-key-0123456789").afterSingletonsInstantiated();

        assertThat(printedKey(output.getOut())).isNull();
        assertThat(output.getOut()).doesNotContain("an-operator-chosen-admin-key");
        assertThat(repository.count()).isZero();
    }

    @Test
    void configuredKeyAuthenticatesAsAdminWithoutBeingStored() {
        repository.deleteAll();
        HubSecurityProperties properties = properties("an-operator-chosen-admin-key-0123456789");
        var provider = new StoredApiKeyAuthenticationProvider(keys, properties);

        var authenticated =
                provider.authenticate(ApiKeyAuthentication.unauthenticated("an-operator-chosen-admin-key-0123456789"));

        assertThat(authenticated.getPrincipal()).isEqualTo(ApiKeyPrincipal.configuredAdmin());
        assertThat(repository.count()).isZero();
    }

    @Test
    void storedAdminKeyMeansNothingIsPrinted(CapturedOutput output) {
        repository.deleteAll();
        keys.create("existing-admin", Role.ADMIN);
        int before = output.getOut().length();

        bootstrap(null).afterSingletonsInstantiated();

        assertThat(output.getOut().substring(before)).doesNotContain("zah_");
        assertThat(repository.count()).isOne();
    }

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("short"))
                .withMessageContaining("at least 20 characters");
    }

    @Test
    void theLastAdminKeyCannotBeRevokedWithoutAConfiguredKey() {
        repository.deleteAll();
        String id = keys.create("only-admin", Role.ADMIN).id();
        assertThatThrownBy(() -> keys.revoke(id)).hasMessageContaining("only admin key");
        String second = keys.create("second-admin", Role.ADMIN).id();
        keys.revoke(second);
        assertThat(repository.count()).isOne();
    }

    private AdminKeyBootstrap bootstrap(@Nullable String configuredKey) {
        return new AdminKeyBootstrap(keys, properties(configuredKey));
    }

    private static HubSecurityProperties properties(@Nullable String adminKey) {
        return new HubSecurityProperties(true, adminKey, 10, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    private static @Nullable String printedKey(String output) {
        Matcher m = PRINTED_KEY.matcher(output);
        return m.find() ? m.group(1) : null;
    }

    /** Binds {@link HubSecurityProperties} from the (test-wide) configuration. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HubSecurityProperties.class)
    static class Properties {}
}
