package io.zeekagent.hub.broker;

/**
 * A cursor over JSON text that reads tokens and skips whole values, with every error raised as a
 * {@link BrokerFormatException} at the current offset.
 */
final class JsonLexer {

    /** JSON nesting the skipper follows: two JSON levels per Broker level plus the message wrapper. */
    private static final int MAX_SKIP_DEPTH = 2 * BinV1.MAX_DEPTH + 4;

    final String s;
    int pos;

    JsonLexer(String s) {
        this.s = s;
    }

    BrokerFormatException fail(String what, int at) {
        return new BrokerFormatException(what, at);
    }

    BrokerFormatException fail(String what) {
        return fail(what, pos);
    }

    void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Skips whitespace and returns the next char without consuming it, or 0 at the end. */
    char peek() {
        skipWhitespace();
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    void expect(char c) {
        if (peek() != c) {
            throw fail(
                    pos < s.length()
                            ? "expected '" + c + "' but found '" + s.charAt(pos) + "'"
                            : "expected '" + c + "' but input ended");
        }
        pos++;
    }

    /** Consumes {@code c} if it is next and says whether it was. */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    String string() {
        expect('"');
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            pos++;
        }
        throw fail("unterminated string", start - 1);
    }

    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(pos - start + 16).append(s, start, pos);
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                break;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append((char) 0x0B);
                case 'u' -> sb.append(hex4());
                default -> throw fail("bad escape '\\" + e + "'", pos - 2);
            }
        }
        throw fail("unterminated string", start - 1);
    }

    private char hex4() {
        if (s.length() - pos < 4) {
            throw fail("truncated \\u escape");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(pos + k), 16);
            if (d < 0) {
                throw fail("bad \\u escape", pos + k);
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    /**
     * Reads a JSON number token and returns its end; {@link #pos} is left after it. The token must match
     * the JSON grammar, so {@code Double.parseDouble} on it cannot fail.
     */
    int number() {
        skipWhitespace();
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart) {
            throw fail("expected a number", start);
        }
        if (pos - intStart > 1 && s.charAt(intStart) == '0') {
            throw fail("number with a leading zero", start);
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            requireDigits(start);
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            requireDigits(start);
        }
        return pos;
    }

    private void requireDigits(int tokenStart) {
        int before = pos;
        digits();
        if (pos == before) {
            throw fail("malformed number", tokenStart);
        }
    }

    private void digits() {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
    }

    /** Consumes the literal (true, false, null) if it is next and says whether it was. */
    boolean literal(String word) {
        skipWhitespace();
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    /** Skips one JSON value of any kind, checking its syntax. */
    void skipValue(int depth) {
        if (depth > MAX_SKIP_DEPTH) {
            throw fail("JSON nested deeper than " + MAX_SKIP_DEPTH);
        }
        char c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> {
                pos++;
                if (consume('}')) {
                    return;
                }
                do {
                    string();
                    expect(':');
                    skipValue(depth + 1);
                } while (consume(','));
                expect('}');
            }
            case '[' -> {
                pos++;
                if (consume(']')) {
                    return;
                }
                do {
                    skipValue(depth + 1);
                } while (consume(','));
                expect(']');
            }
            default -> {
                if (!literal("true") && !literal("false") && !literal("null")) {
                    number();
                }
            }
        }
    }
}
