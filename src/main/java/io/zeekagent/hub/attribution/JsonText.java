package io.zeekagent.hub.attribution;

import java.nio.charset.StandardCharsets;

/** Minimal JSON string quoting and decoding for the few texts the attribution code reads and writes itself. */
final class JsonText {

    private JsonText() {}

    static void quote(CharSequence text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @SuppressWarnings("deprecation") // the fastest exact copy of ASCII bytes into a String
    static String ascii(byte[] in, int start, int stop) {
        return new String(in, 0, start, stop - start);
    }

    /** Decodes the body of a validated JSON string (UTF-8 with escapes), {@code text} being scratch space. */
    static String decode(byte[] in, int start, int stop, StringBuilder text) {
        text.setLength(0);
        int i = start;
        while (i < stop) {
            int run = i;
            while (i < stop && in[i] != '\\') {
                i++;
            }
            if (i > run) {
                text.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            }
            if (i < stop) {
                byte e = in[i + 1];
                switch (e) {
                    case 'u' -> {
                        text.append((char) Integer.parseInt(new String(in, i + 2, 4, StandardCharsets.US_ASCII), 16));
                        i += 6;
                        continue;
                    }
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    default -> text.append((char) e);
                }
                i += 2;
            }
        }
        return text.toString();
    }

    /**
     * The length (2 to 4) of the well-formed UTF-8 sequence at {@code in[pos]} (no overlong form, no surrogate,
     * nothing above U+10FFFF), or -1.
     */
    static int utf8Length(byte[] in, int pos, int end) {
        int b = in[pos] & 0xff;
        int n;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (pos + n >= end) {
            return -1;
        }
        int code = b & (0x3F >> n);
        for (int i = 1; i <= n; i++) {
            int c = in[pos + i] & 0xff;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            code = (code << 6) | (c & 0x3F);
        }
        return code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? -1 : n + 1;
    }
}
