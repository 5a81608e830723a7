package io.zeekagent.hub.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads the upstream vector files copied into {@code src/test/resources/vectors}. */
final class Vectors {

    private Vectors() {}

    /** Returns the lines of a vector file. */
    static List<String> lines(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + file);
            }
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the non-comment, non-blank lines of a vector file, trimmed. */
    static List<String> dataLines(String file) {
        return lines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** Parses hex with optional spaces; {@code XX*n} repeats a byte n times. */
    static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String token : text.strip().split("\\s+")) {
            int star = token.indexOf('*');
            if (star > 0) {
                digits.append(token.substring(0, star).repeat(Integer.parseInt(token.substring(star + 1))));
            } else {
                digits.append(token);
            }
        }
        return HexFormat.of().parseHex(digits.toString());
    }

    /** Formats bytes as lower-case hex without separators. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
