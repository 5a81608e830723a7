package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.system.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A socket event's {@code time}: epoch seconds with an optional fraction, or ISO-8601; anything else a problem. */
class SocketEventValidatorTimeTests {

    private final List<FieldProblem> problems = new ArrayList<>();

    private Instant time(String text) {
        return SocketEventValidator.time(text, "events[0].time", problems);
    }

    @Test
    void epochSecondsWholeAndFractional() {
        assertThat(time("1795996800")).isEqualTo(Instant.ofEpochSecond(1_795_996_800L));
        assertThat(time(" 1795996800.25 ")).isEqualTo(Instant.ofEpochSecond(1_795_996_800L, 250_000_000));
        assertThat(time("0.000000001")).isEqualTo(Instant.ofEpochSecond(0, 1));
        assertThat(problems).isEmpty();
    }

    @Test
    void digitsBeyondNanosecondsAreTruncated() {
        assertThat(time("1795996800.1234567899")).isEqualTo(Instant.ofEpochSecond(1_795_996_800L, 123_456_789));
        assertThat(problems).isEmpty();
    }

    @Test
    void isoTimesAndBlankText() {
        assertThat(time("2026-12-06T10:00:00.5Z")).isEqualTo(Instant.parse("2026-12-06T10:00:00.5Z"));
        assertThat(time("  ")).isNull();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e5",
                "12.",
                ".5",
                "-5",
                "1.2.3",
                "12a",
                "99999999999999999999",
                "9223372036854775807",
                "yesterday",
                "2026-13-01T00:00:00Z"
            })
    void anythingElseIsOneProblem(String text) {
        assertThat(time(text)).isNull();
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("epoch seconds or an ISO-8601 time"));
    }

    @Test
    void theShapeCheckFindsTheDot() {
        assertThat(SocketEventValidator.epochSecondsDot("123")).isEqualTo(3);
        assertThat(SocketEventValidator.epochSecondsDot("123.45")).isEqualTo(3);
        assertThat(SocketEventValidator.epochSecondsDot("123.")).isEqualTo(-1);
        assertThat(SocketEventValidator.epochSecondsDot("")).isEqualTo(-1);
        assertThat(SocketEventValidator.epochSecondsDot("12:00")).isEqualTo(-1);
    }
}
