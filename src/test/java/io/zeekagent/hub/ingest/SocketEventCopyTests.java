package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SocketEventCopy}'s text format. */
class SocketEventCopyTests {

    @Test
    void writesOneTabSeparatedLinePerEventWithNullsAsBackslashN() {
        StoredSocketEvent event = new StoredSocketEvent(
                "S00000000000000001",
                new SocketEventInput(
                        "h1", "bind", 42L, null, null, 0L, false, 2, null, "10.0.0.1", 8080, null, null, null),
                Instant.parse("2026-12-05T08:00:00.123456Z"));

        assertThat(SocketEventCopy.text(List.of(event)))
                .isEqualTo("S00000000000000001\th1\tbind\t42\t\\N\t\\N\t0\tf\t2\t\\N\t10.0.0.1\t8080\t\\N\t\\N\t\\N"
                        + "\t2026-12-05T08:00:00.123456Z\n");
    }

    @Test
    void escapesTabsNewlinesAndBackslashesInText() {
        StoredSocketEvent event = new StoredSocketEvent(
                "S00000000000000002",
                new SocketEventInput(
                        "h1",
                        "connect",
                        null,
                        null,
                        "C:\\a\tb\nc\rd",
                        null,
                        true,
                        null,
                        "tcp",
                        null,
                        null,
                        null,
                        null,
                        Instant.ofEpochSecond(1)),
                Instant.ofEpochSecond(2));

        assertThat(SocketEventCopy.text(List.of(event)))
                .contains("\tC:\\\\a\\tb\\nc\\rd\t")
                .contains("\tt\t")
                .endsWith("\t1970-01-01T00:00:01Z\t1970-01-01T00:00:02Z\n")
                .hasLineCount(1);
    }

    @Test
    void formatsInstantsExactlyAsInstantToStringWhetherOrNotTheSecondRepeats() {
        java.util.Random random = new java.util.Random(7);
        SocketEventCopy.Times times = new SocketEventCopy.Times();
        List<Instant> instants = new java.util.ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("2026-12-05T08:00:00Z"),
                Instant.parse("2026-12-05T08:00:00.1Z"),
                Instant.parse("2026-12-05T08:00:00.120Z"),
                Instant.parse("2026-12-05T08:00:00.000001Z"),
                Instant.parse("2026-12-05T08:00:00.123456Z"),
                Instant.parse("2026-12-05T08:00:00.123456789Z"),
                Instant.parse("2026-12-05T08:00:00.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("+12026-01-01T00:00:00.5Z"),
                Instant.parse("-0001-01-01T00:00:00Z")));
        long base = Instant.parse("2026-12-05T08:00:00Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(base + random.nextInt(3), nano));
        }

        for (Instant t : instants) {
            assertThat(times.append(new StringBuilder(), t).toString()).isEqualTo(t.toString());
        }
        assertThat(times.append(new StringBuilder(), null).toString()).isEqualTo("\\N");
    }
}
