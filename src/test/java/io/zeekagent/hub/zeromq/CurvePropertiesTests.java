package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/** Tests for {@link CurveProperties} and {@link CurveKeys}. */
class CurvePropertiesTests {

    private static final ZMQ.Curve.KeyPair SERVER = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair CLIENT = ZMQ.Curve.generateKeyPair();

    @Test
    void nothingConfiguredMeansNoCurve() {
        CurveProperties none = TestBridges.properties().curve();
        assertThat(none.serverEnabled()).isFalse();
        assertThat(none.clientEnabled()).isFalse();
        assertThat(none.admittedClientKeys()).isEmpty();
    }

    @Test
    void bindsZ85KeysAndAdmitsTheListedKeysAndTheHubsOwnClientKey() {
        ZMQ.Curve.KeyPair agent = ZMQ.Curve.generateKeyPair();
        CurveProperties curve = TestBridges.properties(
                        "curve.server-public-key", SERVER.publicKey,
                        "curve.server-secret-key", SERVER.secretKey,
                        "curve.client-public-key", CLIENT.publicKey,
                        "curve.client-secret-key", CLIENT.secretKey,
                        "curve.allowed-client-keys", agent.publicKey)
                .curve();
        assertThat(curve.serverEnabled()).isTrue();
        assertThat(curve.clientEnabled()).isTrue();
        assertThat(curve.admittedClientKeys()).containsExactlyInAnyOrder(agent.publicKey, CLIENT.publicKey);
        assertThat(curve.toString()).doesNotContain(SERVER.secretKey).doesNotContain(CLIENT.secretKey);
    }

    @Test
    void vouchesForSendersKeysOnlyWhenTheHubRunsTheProxyWithCurve() {
        ZMQ.Curve.KeyPair agent = ZMQ.Curve.generateKeyPair();
        String[] curveServer = {
            "curve.server-public-key", SERVER.publicKey,
            "curve.server-secret-key", SERVER.secretKey,
            "curve.allowed-client-keys", agent.publicKey
        };
        assertThat(TestBridges.properties(curveServer).authenticatedSenderKeys())
                .contains(Set.of(agent.publicKey));
        assertThat(TestBridges.properties().authenticatedSenderKeys())
                .as("embedded proxy without CURVE")
                .isEmpty();
        assertThat(TestBridges.properties(
                                "mode", "connect",
                                "curve.server-public-key", SERVER.publicKey,
                                "curve.client-public-key", CLIENT.publicKey,
                                "curve.client-secret-key", CLIENT.secretKey)
                        .authenticatedSenderKeys())
                .as("connect mode: the external proxy's connections are not the hub's to see")
                .isEmpty();
    }

    @Test
    void derivesThePublicKeyFromTheSecretKeyAsZeekDoes() {
        assertThat(CurveKeys.publicKeyOf(SERVER.secretKey)).isEqualTo(SERVER.publicKey);
    }

    @Test
    void refusesKeysThatAreNotZ85OrDoNotBelongTogether() {
        assertThatThrownBy(() -> curve(SERVER.publicKey.substring(1), SERVER.secretKey, List.of(CLIENT.publicKey)))
                .hasMessageContaining("40-character Z85");
        assertThatThrownBy(() -> curve(CLIENT.publicKey, SERVER.secretKey, List.of(CLIENT.publicKey)))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> curve(null, SERVER.secretKey, List.of(CLIENT.publicKey)))
                .hasMessageContaining("without");
        assertThatThrownBy(() -> curve(SERVER.publicKey, SERVER.secretKey, List.of("not a key")))
                .hasMessageContaining("allowed-client-keys[0]");
    }

    @Test
    void refusesAServerThatAdmitsNobody() {
        assertThatThrownBy(() -> curve(SERVER.publicKey, SERVER.secretKey, List.of()))
                .hasMessageContaining("no client key is allowed");
    }

    private static CurveProperties curve(String serverPublic, String serverSecret, List<String> allowed) {
        return new CurveProperties(serverPublic, serverSecret, null, null, allowed);
    }
}
