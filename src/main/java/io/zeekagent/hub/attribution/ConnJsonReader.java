package io.zeekagent.hub.attribution;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads the conn fields of one JSON conn.log record straight from its UTF-8 bytes, validating the whole text as one
 * JSON object ({@link JsonByteScanner}) without building a tree or a parser object. Only the fields
 * {@link ConnFields} wants become strings: top-level scalars, and the members of a nested {@code id} object; every
 * other value is only checked. A number, {@code true} or {@code false} keeps its exact text; a container given for
 * a wanted field becomes its raw JSON text (and fails validation there). Reused record after record; not
 * thread-safe.
 */
final class ConnJsonReader extends JsonByteScanner {

    static final String NOT_AN_OBJECT = "not a JSON object";
    static final String TRAILING = "trailing content after the JSON object";
    private static final byte[] ID = {'i', 'd'};
    private static final byte[][] NAMES = ConnFields.NAMES.stream()
            .map(n -> n.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    private final StringBuilder text = new StringBuilder(64);
    /** Where wanted members go while {@link #read} runs. */
    private @Nullable ConnFields fields;
    /** Whether the scanner is inside the top-level {@code id} object, whose members are wanted too. */
    private boolean inId;

    /**
     * Reads {@code bytes[start, end)} into {@code fields} (cleared first); returns why it is not exactly one JSON
     * object ({@link #NOT_AN_OBJECT} when it does not start with one), or {@code null}.
     */
    @Nullable
    String read(byte[] bytes, int start, int end, ConnFields fields) {
        fields.clear();
        reset(bytes, start, end);
        this.fields = fields;
        this.inId = false;
        try {
            if (peek() != '{') {
                return NOT_AN_OBJECT;
            }
            object(1);
            return atEnd() ? null : TRAILING;
        } catch (Malformed e) {
            return e.getMessage();
        } finally {
            this.fields = null;
        }
    }

    /** Wanted members of the record (depth 1) and of its {@code id} object go to {@link #fields}. */
    @Override
    protected void member(int nameStart, int nameEnd, boolean plain, int depth) {
        ConnFields into = fields;
        if (into == null || !(depth == 1 || (depth == 2 && inId))) {
            value(depth + 1);
            return;
        }
        byte first = in[pos];
        if (depth == 1 && first == '{' && equals(nameStart, nameEnd, ID)) {
            inId = true;
            object(depth + 1);
            inId = false;
            return;
        }
        int wanted = plain
                ? wanted(nameStart, nameEnd)
                : ConnFields.NAMES.indexOf(JsonText.decode(in, nameStart, nameEnd, text));
        int valueStart = pos;
        value(depth + 1);
        if (wanted >= 0) {
            into.set(ConnFields.NAMES.get(wanted), scalar(first, valueStart, pos));
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
}
