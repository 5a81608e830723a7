package io.zeekagent.hub.attribution;

import org.jspecify.annotations.Nullable;

/**
 * A validating JSON scanner over UTF-8 bytes (RFC 8259: strings, escapes, numbers, literals, nesting, UTF-8) that
 * builds nothing: it only moves a cursor past values and says why a text is not JSON. Subclasses take what they
 * need from the members of objects by overriding {@link #member}; {@link ConnJsonReader} takes the conn fields.
 * Reused text after text; not thread-safe.
 */
class JsonByteScanner {

    private static final int MAX_DEPTH = 256;

    protected byte[] in = new byte[0];
    protected int pos;
    protected int end;

    /** Scans {@code bytes[start, end)} from the next call on. */
    protected final void reset(byte[] bytes, int start, int end) {
        this.in = bytes;
        this.pos = start;
        this.end = end;
    }

    /** Whether {@code bytes[start, end)} is exactly one JSON value; returns why not, or {@code null}. */
    @Nullable
    final String validate(byte[] bytes, int start, int end) {
        reset(bytes, start, end);
        try {
            peek();
            value(1);
            return atEnd() ? null : "trailing content after the JSON value";
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    protected final boolean atEnd() {
        skipWhitespace();
        return pos == end;
    }

    /**
     * Moves past an object at {@code pos} (its {@code '{'}), handing each member's value to {@link #member}, which
     * must move past it.
     */
    protected final void object(int depth) {
        pos++; // '{'
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw unexpected("a field name");
            }
            int nameStart = pos + 1;
            boolean plain = string();
            int nameEnd = pos - 1;
            if (peek() != ':') {
                throw unexpected("':'");
            }
            pos++;
            peek();
            member(nameStart, nameEnd, plain, depth);
            byte next = peek();
            pos++;
            if (next == '}') {
                return;
            }
            if (next != ',') {
                pos--;
                throw unexpected("',' or '}'");
            }
            skipWhitespace();
        }
    }

    /**
     * One member of an object at nesting {@code depth}: its name is {@code in[nameStart, nameEnd)} ({@code plain}
     * when ASCII without escapes), its value starts at {@code pos}. By default the value is only checked.
     */
    protected void member(int nameStart, int nameEnd, boolean plain, int depth) {
        value(depth + 1);
    }

    /** Checks one value at {@code pos} (after whitespace) and moves past it. */
    protected void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nesting deeper than " + MAX_DEPTH + " levels");
        }
        byte b = peek();
        switch (b) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    number();
                } else {
                    throw unexpected("a value");
                }
            }
        }
    }

    private void array(int depth) {
        pos++;
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            byte next = peek();
            if (next == ']') {
                pos++;
                return;
            }
            if (next != ',') {
                throw unexpected("',' or ']'");
            }
            pos++;
        }
    }

    /** Moves past a string at {@code pos}; true when it is plain ASCII without escapes. */
    protected boolean string() {
        pos++;
        boolean plain = true;
        while (true) {
            if (pos >= end) {
                throw new Malformed("unexpected end of input in a string");
            }
            int b = in[pos];
            if (b == '"') {
                pos++;
                return plain;
            }
            if (b == '\\') {
                plain = false;
                escape();
            } else if (b >= 0 && b < 0x20) {
                throw new Malformed("unescaped control character (code " + b + ") in a string at byte " + pos);
            } else if (b < 0) {
                plain = false;
                utf8();
            } else {
                pos++;
            }
        }
    }

    private void escape() {
        if (pos + 1 >= end) {
            throw new Malformed("unexpected end of input in a string");
        }
        byte e = in[pos + 1];
        if (e == 'u') {
            if (pos + 6 > end) {
                throw new Malformed("unexpected end of input in a \\u escape");
            }
            for (int i = pos + 2; i < pos + 6; i++) {
                if (Character.digit(in[i], 16) < 0) {
                    throw new Malformed("invalid \\u escape at byte " + pos);
                }
            }
            pos += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            pos += 2;
        } else {
            throw new Malformed("invalid escape '\\" + (char) (e & 0xff) + "' at byte " + pos);
        }
    }

    private void utf8() {
        int length = JsonText.utf8Length(in, pos, end);
        if (length < 0) {
            throw new Malformed("invalid UTF-8 at byte " + pos);
        }
        pos += length;
    }

    private void number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart || (in[intStart] == '0' && pos - intStart > 1)) {
            throw new Malformed("invalid number at byte " + start);
        }
        if (pos < end && in[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw new Malformed("invalid number at byte " + start);
            }
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw new Malformed("invalid number at byte " + start);
            }
        }
    }

    private int digits() {
        int start = pos;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) {
                throw new Malformed("unrecognized token at byte " + pos + " (expected '" + word + "')");
            }
        }
        pos += word.length();
    }

    /** The next non-whitespace byte, left unconsumed; the end of input is an error. */
    protected byte peek() {
        skipWhitespace();
        if (pos >= end) {
            throw new Malformed("unexpected end of input");
        }
        return in[pos];
    }

    protected void skipWhitespace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    protected Malformed unexpected(String expected) {
        int b = in[pos] & 0xff;
        String seen = b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "byte 0x" + Integer.toHexString(b);
        return new Malformed("unexpected " + seen + " at byte " + pos + ", expected " + expected);
    }

    /** Why the text is not JSON; thrown without a stack trace, caught by the reading methods. */
    protected static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
