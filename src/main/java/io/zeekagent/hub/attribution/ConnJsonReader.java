package io.zeekagent.hub.attribution;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads the conn fields of one JSON conn.log record straight from its UTF-8 bytes, validating the whole text as one
 * JSON object (RFC 8259: strings, escapes, numbers, literals, nesting, UTF-8) without building a tree or a parser
 * object. Only the fields {@link ConnFields} wants become strings: top-level scalars, and the members of a nested
 * {@code id} object; every other value is only checked. A number, {@code true} or {@code false} keeps its exact
 * text; a container given for a wanted field becomes its raw JSON text (and fails validation there). Reused
 * record after record; not thread-safe.
 */
final class ConnJsonReader {

    static final String NOT_AN_OBJECT = "not a JSON object";
    static final String TRAILING = "trailing content after the JSON object";
    private static final int MAX_DEPTH = 256;
    private static final byte[] ID = {'i', 'd'};
    private static final byte[][] NAMES = ConnFields.NAMES.stream()
            .map(n -> n.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    private byte[] in = new byte[0];
    private int pos;
    private int end;
    private final StringBuilder text = new StringBuilder(64);

    /**
     * Reads {@code bytes[start, end)} into {@code fields} (cleared first); returns why it is not exactly one JSON
     * object ({@link #NOT_AN_OBJECT} when it does not start with one), or {@code null}.
     */
    @Nullable
    String read(byte[] bytes, int start, int end, ConnFields fields) {
        fields.clear();
        this.in = bytes;
        this.pos = start;
        this.end = end;
        try {
            if (peek() != '{') {
                return NOT_AN_OBJECT;
            }
            object(fields, true, 1);
            return atEnd() ? null : TRAILING;
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    /** Whether {@code bytes[start, end)} is exactly one JSON value; returns why not, or {@code null}. */
    @Nullable
    String validate(byte[] bytes, int start, int end) {
        this.in = bytes;
        this.pos = start;
        this.end = end;
        try {
            peek();
            value(1);
            return atEnd() ? null : "trailing content after the JSON value";
        } catch (Malformed e) {
            return e.getMessage();
        }
    }

    private boolean atEnd() {
        skipWhitespace();
        return pos == end;
    }

    /**
     * Reads an object at {@code pos}: with {@code fields}, wanted members go there (at the top level, an {@code id}
     * object is descended into); without, it is only checked.
     */
    private void object(@Nullable ConnFields fields, boolean top, int depth) {
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
            byte first = peek();
            if (fields == null) {
                value(depth + 1);
            } else if (first == '{' && top && equals(nameStart, nameEnd, ID)) {
                object(fields, false, depth + 1);
            } else {
                int wanted = plain
                        ? wanted(nameStart, nameEnd)
                        : ConnFields.NAMES.indexOf(JsonText.decode(in, nameStart, nameEnd, text));
                int valueStart = pos;
                value(depth + 1);
                if (wanted >= 0) {
                    fields.set(ConnFields.NAMES.get(wanted), scalar(first, valueStart, pos));
                }
            }
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

    private @Nullable String scalar(byte first, int start, int stop) {
        return switch (first) {
            case 'n' -> null;
            case '"' -> {
                boolean plain = true;
                for (int i = start + 1; i < stop - 1 && plain; i++) {
                    plain = in[i] != '\\' && in[i] >= 0;
                }
                yield plain ? JsonText.ascii(in, start + 1, stop - 1) : JsonText.decode(in, start + 1, stop - 1, text);
            }
            default -> new String(in, start, stop - start, StandardCharsets.UTF_8);
        };
    }

    /** Checks one value at {@code pos} (after whitespace) and moves past it. */
    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nesting deeper than " + MAX_DEPTH + " levels");
        }
        byte b = peek();
        switch (b) {
            case '{' -> object(null, false, depth);
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
    private boolean string() {
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
    private byte peek() {
        skipWhitespace();
        if (pos >= end) {
            throw new Malformed("unexpected end of input");
        }
        return in[pos];
    }

    private void skipWhitespace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private Malformed unexpected(String expected) {
        int b = in[pos] & 0xff;
        String seen = b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "byte 0x" + Integer.toHexString(b);
        return new Malformed("unexpected " + seen + " at byte " + pos + ", expected " + expected);
    }

    /** The index in {@link ConnFields#NAMES} of the plain name {@code in[start, stop)}, or -1. */
    private int wanted(int start, int stop) {
        for (int k = 0; k < NAMES.length; k++) {
            if (equals(start, stop, NAMES[k])) {
                return k;
            }
        }
        return -1;
    }

    private boolean equals(int start, int stop, byte[] word) {
        if (stop - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (in[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** Why the text is not JSON; thrown without a stack trace, caught in this class. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
