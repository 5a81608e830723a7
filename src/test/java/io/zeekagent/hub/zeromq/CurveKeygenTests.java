package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link CurveKeygen}. */
class CurveKeygenTests {

    @Test
    void printsAMatchingZ85PairAsHubProperties() {
        String[] lines = run("server").split("\\R");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("hub.zeromq.curve.server-public-key=");
        assertThat(lines[1]).startsWith("hub.zeromq.curve.server-secret-key=");
        String publicKey = lines[0].substring(lines[0].indexOf('=') + 1);
        String secretKey = lines[1].substring(lines[1].indexOf('=') + 1);
        assertThat(publicKey).hasSize(CurveKeys.Z85_LENGTH).doesNotContain("${");
        assertThat(CurveKeys.publicKeyOf(secretKey)).isEqualTo(publicKey);
    }

    @Test
    void printsAPlainPairWithoutArguments() {
        assertThat(run()).startsWith("public=").contains("\nsecret=");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CurveKeygen.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
