package io.zeekagent.hub.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Zeek ASCII log format of {@code zeek-agent.log}: header lines and escaped, tab-separated records, so that
 * {@code zeek-cut} and every other Zeek log reader reads the file.
 */
final class ZeekAsciiLog {

    static final String PATH = "zeek-agent";
    static final List<String> FIELDS = List.of("ts", "source", "peer", "level", "message");
    static final List<String> TYPES = List.of("time", "string", "string", "string", "string");
    static final String EMPTY_FIELD = "(empty)";
    static final String UNSET_FIELD = "-";

    /** Zeek names rotated files and {@code #open}/{@code #close} stamps with this pattern, in UTC. */
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ZeekAsciiLog() {}

    /** The header written at the top of every file. */
    static String header(Instant open) {
        return "#separator \\x09\n"
                + "#set_separator\t,\n"
                + "#empty_field\t" + EMPTY_FIELD + "\n"
                + "#unset_field\t" + UNSET_FIELD + "\n"
                + "#path\t" + PATH + "\n"
                + "#open\t" + STAMP.format(open) + "\n"
                + "#fields\t" + String.join("\t", FIELDS) + "\n"
                + "#types\t" + String.join("\t", TYPES) + "\n";
    }

    /** The footer Zeek writes when it closes a log. */
    static String footer(Instant close) {
        return "#close\t" + STAMP.format(close) + "\n";
    }

    /** One record, newline-terminated. */
    static String line(Instant ts, String source, @Nullable String peer, String level, String message) {
        StringBuilder sb = new StringBuilder(64 + message.length());
        appendTime(sb, ts);
        sb.append('\t');
        appendString(sb, source);
        sb.append('\t');
        appendString(sb, peer);
        sb.append('\t');
        appendString(sb, level);
        sb.append('\t');
        appendString(sb, message);
        return sb.append('\n').toString();
    }

    /** Zeek's {@code time}: epoch seconds with six decimals. */
    static void appendTime(StringBuilder sb, Instant ts) {
        long micros = ts.getNano() / 1000;
        sb.append(ts.getEpochSecond()).append('.');
        String frac = Long.toString(micros);
        sb.append("000000", 0, 6 - frac.length()).append(frac);
    }

    /**
     * A string field escaped the way Zeek's ASCII writer does it: unset as {@code -}, empty as {@code (empty)}, a
     * value that would read as either escaped byte-wise, backslash doubled, and separators, non-printable and
     * non-ASCII bytes as {@code \xNN}.
     */
    static void appendString(StringBuilder sb, @Nullable String value) {
        if (value == null) {
            sb.append(UNSET_FIELD);
            return;
        }
        if (value.isEmpty()) {
            sb.append(EMPTY_FIELD);
            return;
        }
        if (value.equals(UNSET_FIELD) || value.equals(EMPTY_FIELD)) {
            for (byte b : value.getBytes(StandardCharsets.US_ASCII)) {
                appendHex(sb, b);
            }
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                // The set separator is only special inside containers; Zeek leaves it alone in plain strings.
                sb.append(c);
            } else if (c < 0x80) {
                appendHex(sb, (byte) c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendHex(sb, b);
                }
                i = end - 1;
            }
        }
    }

    private static void appendHex(StringBuilder sb, byte b) {
        sb.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
}
