package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.net.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link CommunityId}, on every row of the upstream vectors in {@code community-id.txt}. */
class CommunityIdTests {

    record Vector(
            int line,
            int proto,
            String source,
            String dest,
            int sPort,
            int dPort,
            String seed0,
            String seed1,
            String hex) {

        @Override
        public String toString() {
            return "line " + line + ": " + proto + " " + source + ":" + sPort + " -> " + dest + ":" + dPort;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CommunityIdTests.class.getResourceAsStream("/community-id.txt"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\|");
                boolean portless = cols[3].isBlank() || cols[3].trim().equals("-");
                vectors.add(new Vector(
                        number,
                        Integer.parseInt(cols[0].trim()),
                        cols[1].trim(),
                        cols[2].trim(),
                        portless ? -1 : Integer.parseInt(cols[3].trim()),
                        portless ? -1 : Integer.parseInt(cols[4].trim()),
                        cols[5].trim(),
                        cols[6].trim(),
                        cols[7].trim().split("\\s+")[0]));
            }
        }
        return vectors.stream();
    }

    @Test
    void readsEveryVectorRow() throws IOException {
        assertThat(vectors().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void matchesUpstreamVectorWithSeedZero(Vector v) {
        assertThat(new CommunityId(0).of(v.proto(), v.source(), v.dest(), v.sPort(), v.dPort()))
                .isEqualTo(v.seed0());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void matchesUpstreamVectorWithSeedOneAndHex(Vector v) {
        IpAddress s = new IpAddress();
        IpAddress d = new IpAddress();
        assertThat(s.parse(v.source()) && d.parse(v.dest())).isTrue();
        if (!v.seed1().equals("-")) {
            assertThat(new CommunityId(1).of(v.proto(), s.hi(), s.lo(), d.hi(), d.lo(), v.sPort(), v.dPort()))
                    .isEqualTo(v.seed1());
        }
        if (!v.hex().equals("-")) {
            assertThat(new CommunityId(0).hexOf(v.proto(), s.hi(), s.lo(), d.hi(), d.lo(), v.sPort(), v.dPort()))
                    .isEqualTo(v.hex());
        }
    }

    @Test
    void hashesIpv4MappedAddressesAsIpv4() {
        CommunityId hasher = new CommunityId(0);
        assertThat(hasher.of(CommunityId.TCP, "::ffff:128.232.110.120", "::ffff:66.35.250.204", 34855, 80))
                .isEqualTo(hasher.of(CommunityId.TCP, "128.232.110.120", "66.35.250.204", 34855, 80))
                .isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
    }

    @Test
    void returnsNullForUnparsableAddress() {
        assertThat(new CommunityId(0).of(CommunityId.TCP, "not-an-ip", "1.2.3.4", 1, 2))
                .isNull();
    }
}
