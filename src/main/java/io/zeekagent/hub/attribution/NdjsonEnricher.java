package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Enriches a Zeek JSON conn.log (NDJSON) line by line in constant memory. Each line is validated and its conn
 * fields read in one pass over its bytes ({@link ConnJsonReader}: no parser object, no tree), then copied byte for byte with {@code orig_seuids}, {@code resp_seuids} and
 * {@code community_id} inserted before its closing brace, so every original field keeps its order and its exact
 * text. A line that is not a JSON object becomes {@code {"_line":n,"_error":...,"_raw":...}}; a record with
 * invalid fields keeps its fields and gets an {@code _error}; either way the next lines are processed.
 */
final class NdjsonEnricher {

    static final int MAX_LINE = 1 << 20;
    private static final byte[] ORIG = bytes("\"orig_seuids\":[");
    private static final byte[] RESP = bytes("],\"resp_seuids\":[");
    private static final byte[] COMMUNITY = bytes("],\"community_id\":");

    private static final byte[] TIER = bytes(",\"attribution_tier\":\"");
    private static final byte[] COMPLETE = bytes("\",\"attribution_complete\":");
    private static final byte[][] TIERS =
            Completeness.TIERS.stream().map(NdjsonEnricher::bytes).toArray(byte[][]::new);
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");

    private final BatchAttributor attributor;
    private final ConnJsonReader reader = new ConnJsonReader();
    private final StringBuilder scratch = new StringBuilder(256);
    private OutputStream out = OutputStream.nullOutputStream();
    private final BatchAttributor.SeuidSink writeSeuid = this::writeSeuid;
    /** Lines waiting for their group's attribution, in input order: bytes up to the closing brace. */
    private byte[][] pending = new byte[16][];

    private int[] pendingLength = new int[16];
    private boolean[] pendingEmpty = new boolean[16];
    private int queued;

    NdjsonEnricher(AttributionIndex index) {
        this(TieredAttributor.memoryOnly(index), 1);
    }

    NdjsonEnricher(ConnectionAttributor tiers, int groupSize) {
        this(tiers, groupSize, FlowMemory.disabled());
    }

    /** With {@code flows} remembering each attributed record's flow by its Community ID. */
    NdjsonEnricher(ConnectionAttributor tiers, int groupSize, FlowMemory flows) {
        this.attributor = new BatchAttributor(tiers, groupSize, flows);
    }

    /** Enriches every line of {@code in} onto {@code out}; returns the number of lines read. */
    long enrich(InputStream in, OutputStream target) throws IOException {
        this.out = target;
        LineReader lines = new LineReader(in, MAX_LINE);
        long number = 0;
        while (lines.next()) {
            number++;
            if (lines.tooLong()) {
                flush();
                error(number, "line longer than " + MAX_LINE + " bytes", lines);
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            String parseError = reader.read(lines.bytes(), 0, lines.length(), attributor.fields);
            if (parseError != null) {
                flush();
                error(number, parseError, lines);
                continue;
            }
            int close = lastNonBlank(lines.bytes(), lines.length());
            queue(lines.bytes(), close);
            if (queued >= attributor.groupSize()) {
                flush();
            }
        }
        flush();
        out.flush();
        return number;
    }

    private void queue(byte[] line, int close) {
        int slot = queued++;
        if (slot == pending.length) {
            pending = java.util.Arrays.copyOf(pending, slot * 2);
            pendingLength = java.util.Arrays.copyOf(pendingLength, slot * 2);
            pendingEmpty = java.util.Arrays.copyOf(pendingEmpty, slot * 2);
        }
        byte[] copy = pending[slot];
        if (copy == null || copy.length < close) {
            copy = new byte[Math.max(close, 256)];
            pending[slot] = copy;
        }
        System.arraycopy(line, 0, copy, 0, close);
        pendingLength[slot] = close;
        pendingEmpty[slot] = isEmptyObject(line, close);
        attributor.resolve(slot);
    }

    /** Attributes the queued lines as one group and writes them in order. */
    private void flush() throws IOException {
        if (queued == 0) {
            return;
        }
        attributor.attributeGroup(queued);
        for (int slot = 0; slot < queued; slot++) {
            out.write(pending[slot], 0, pendingLength[slot]);
            if (!pendingEmpty[slot]) {
                out.write(',');
            }
            String problem = attributor.problemOrNull(slot);
            if (problem == null) {
                out.write(ORIG);
                attributor.seuids(slot, MatchCollector.ORIG, writeSeuid);
                out.write(RESP);
                attributor.seuids(slot, MatchCollector.RESP, writeSeuid);
                out.write(COMMUNITY);
                writeString(attributor.communityId(slot));
                Completeness state = attributor.completeness(slot);
                out.write(TIER);
                out.write(TIERS[state.tiers]);
                out.write(COMPLETE);
                out.write(state.complete() ? TRUE : FALSE);
            } else {
                out.write(bytes("\"_error\":"));
                writeString(problem);
            }
            out.write('}');
            out.write('\n');
        }
        queued = 0;
    }

    private void error(long number, String reason, LineReader lines) throws IOException {
        out.write(bytes("{\"_line\":" + number + ",\"_error\":"));
        writeString(reason);
        out.write(bytes(",\"_raw\":"));
        int n = Math.min(lines.length(), 1024);
        writeString(new String(lines.bytes(), 0, n, StandardCharsets.UTF_8));
        out.write('}');
        out.write('\n');
    }

    private void writeSeuid(int position, String seuid) {
        try {
            if (position > 0) {
                out.write(',');
            }
            out.write('"');
            for (int i = 0; i < seuid.length(); i++) {
                out.write(seuid.charAt(i));
            }
            out.write('"');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeString(@Nullable String text) throws IOException {
        if (text == null) {
            out.write(bytes("null"));
            return;
        }
        scratch.setLength(0);
        JsonText.quote(text, scratch);
        out.write(scratch.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int lastNonBlank(byte[] line, int length) {
        int i = length - 1;
        while (i > 0 && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
            i--;
        }
        return i;
    }

    private static boolean isEmptyObject(byte[] line, int close) {
        for (int i = close - 1; i >= 0; i--) {
            byte b = line[i];
            if (b != ' ' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
