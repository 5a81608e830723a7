package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link ZeekAsciiLog}. */
class ZeekAsciiLogTests {

    private static final Instant TS = Instant.parse("2026-11-30T00:02:23.125456789Z");

    @Test
    void writesTheHeaderZeekCutExpects() {
        assertThat(ZeekAsciiLog.header(TS))
                .isEqualTo("#separator \\x09\n"
                        + "#set_separator\t,\n"
                        + "#empty_field\t(empty)\n"
                        + "#unset_field\t-\n"
                        + "#path\tzeek-agent\n"
                        + "#open\t2026-11-30-00-02-23\n"
                        + "#fields\tts\tsource\tpeer\tlevel\tmessage\n"
                        + "#types\ttime\tstring\tstring\tstring\tstring\n");
    }

    @Test
    void writesTimeWithMicrosecondsAndTabSeparatedFields() {
        assertThat(ZeekAsciiLog.line(TS, "host", "abc", "info", "Zeek Agent host disconnected"))
                .isEqualTo("1795996943.125456\thost\tabc\tinfo\tZeek Agent host disconnected\n");
    }

    @Test
    void writesUnsetAndEmptyFieldsAsZeekDoes() {
        assertThat(ZeekAsciiLog.line(Instant.ofEpochSecond(1), "local", null, "info", ""))
                .isEqualTo("1.000000\tlocal\t-\tinfo\t(empty)\n");
    }

    @Test
    void escapesSeparatorsNewlinesBackslashesAndNonAscii() {
        StringBuilder sb = new StringBuilder();
        ZeekAsciiLog.appendString(sb, "a\tb\nc\\d é");
        assertThat(sb).hasToString("a\\x09b\\x0ac\\\\d \\xc3\\xa9");
    }

    @Test
    void escapesValuesThatWouldReadAsUnsetOrEmpty() {
        StringBuilder sb = new StringBuilder();
        ZeekAsciiLog.appendString(sb, "-");
        sb.append('|');
        ZeekAsciiLog.appendString(sb, "(empty)");
        assertThat(sb).hasToString("\\x2d|\\x28\\x65\\x6d\\x70\\x74\\x79\\x29");
    }
}
