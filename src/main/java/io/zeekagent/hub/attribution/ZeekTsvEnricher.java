package io.zeekagent.hub.attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Enriches a Zeek ASCII (TSV) conn.log line by line in constant memory: {@code orig_seuids} and
 * {@code resp_seuids} are appended to {@code #fields} and, as {@code set[string]}, to {@code #types}, and to
 * every record in Zeek set syntax (the {@code #set_separator}, {@code #empty_field} for an empty set,
 * {@code #unset_field} when the record could not be attributed). Other header lines pass through. A bad record
 * is reported on a {@code #error} line just before it and then passed through, so nothing is lost.
 */
final class ZeekTsvEnricher {

    private final BatchAttributor attributor;
    private final int[] wanted = new int[7];
    private String separator = "\t";
    private String setSeparator = ",";
    private String emptyField = "(empty)";
    private String unsetField = "-";
    private int columns = -1;
    private Writer out = Writer.nullWriter();
    private final BatchAttributor.SeuidSink writeSeuid = this::writeSeuid;
    /** Records waiting for their group's attribution, in input order, with their line numbers. */
    private final java.util.List<String> pending = new java.util.ArrayList<>();

    private final java.util.List<Long> pendingNumbers = new java.util.ArrayList<>();

    ZeekTsvEnricher(AttributionIndex index) {
        this(TieredAttributor.memoryOnly(index), 1);
    }

    ZeekTsvEnricher(ConnectionAttributor tiers, int groupSize) {
        this(tiers, groupSize, FlowMemory.disabled());
    }

    /** With {@code flows} remembering each attributed record's flow by its Community ID. */
    ZeekTsvEnricher(ConnectionAttributor tiers, int groupSize, FlowMemory flows) {
        this.attributor = new BatchAttributor(tiers, groupSize, flows);
    }

    /** Enriches every line of {@code in} onto {@code out}; returns the number of lines read. */
    long enrich(BufferedReader in, Writer target) throws IOException {
        this.out = target;
        long number = 0;
        String line;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                flush();
                header(line);
            } else if (!line.isEmpty()) {
                record(number, line);
            }
        }
        flush();
        out.flush();
        return number;
    }

    private void header(String line) throws IOException {
        if (line.startsWith("#separator ")) {
            separator = unescape(line.substring("#separator ".length()));
        } else if (line.startsWith("#set_separator" + separator)) {
            setSeparator = line.substring(("#set_separator" + separator).length());
        } else if (line.startsWith("#empty_field" + separator)) {
            emptyField = line.substring(("#empty_field" + separator).length());
        } else if (line.startsWith("#unset_field" + separator)) {
            unsetField = line.substring(("#unset_field" + separator).length());
        } else if (line.startsWith("#fields" + separator)) {
            String[] names = line.substring(("#fields" + separator).length()).split(Pattern.quote(separator), -1);
            columns = names.length;
            Arrays.fill(wanted, -1);
            String[] fieldNames = {
                ConnFields.UID,
                ConnFields.TS,
                ConnFields.ORIG_H,
                ConnFields.ORIG_P,
                ConnFields.RESP_H,
                ConnFields.RESP_P,
                ConnFields.PROTO
            };
            for (int c = 0; c < names.length; c++) {
                for (int f = 0; f < fieldNames.length; f++) {
                    if (names[c].equals(fieldNames[f])) {
                        wanted[f] = c;
                    }
                }
            }
            out.write(line);
            out.write(separator + "orig_seuids" + separator + "resp_seuids" + separator + "attribution_tier" + separator
                    + "attribution_complete\n");
            return;
        } else if (line.startsWith("#types" + separator)) {
            out.write(line);
            out.write(separator + "set[string]" + separator + "set[string]" + separator + "string" + separator
                    + "bool\n");
            return;
        }
        out.write(line);
        out.write('\n');
    }

    private void record(long number, String line) throws IOException {
        if (columns < 0) {
            reportAndPass(number, "record before any #fields header", line);
            return;
        }
        ConnFields fields = attributor.fields;
        fields.clear();
        int column = 0;
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            int stop = end < 0 ? line.length() : end;
            for (int f = 0; f < wanted.length; f++) {
                if (wanted[f] == column) {
                    String value = line.substring(start, stop);
                    set(f, value.equals(unsetField) || value.equals(emptyField) ? null : value);
                }
            }
            column++;
            if (end < 0) {
                break;
            }
            start = end + separator.length();
        }
        if (column != columns) {
            reportAndPass(number, "expected " + columns + " fields, found " + column, line);
            return;
        }
        attributor.resolve(pending.size());
        pending.add(line);
        pendingNumbers.add(number);
        if (pending.size() >= attributor.groupSize()) {
            flush();
        }
    }

    /** Attributes the queued records as one group and writes them in order. */
    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        attributor.attributeGroup(pending.size());
        for (int slot = 0; slot < pending.size(); slot++) {
            String line = pending.get(slot);
            String problem = attributor.problemOrNull(slot);
            if (problem == null) {
                out.write(line);
                out.write(separator);
                writeSet(slot, MatchCollector.ORIG);
                out.write(separator);
                writeSet(slot, MatchCollector.RESP);
                Completeness state = attributor.completeness(slot);
                out.write(separator);
                out.write(state.tier());
                out.write(separator);
                out.write(state.complete() ? "T" : "F");
            } else {
                out.write("#error" + separator + "line " + pendingNumbers.get(slot) + ": " + problem + "\n");
                out.write(line);
                for (int c = 0; c < 4; c++) {
                    out.write(separator);
                    out.write(unsetField);
                }
            }
            out.write('\n');
        }
        pending.clear();
        pendingNumbers.clear();
    }

    private void set(int field, @Nullable String value) {
        ConnFields f = attributor.fields;
        switch (field) {
            case 0 -> f.uid = value;
            case 1 -> f.ts = value;
            case 2 -> f.origH = value;
            case 3 -> f.origP = value;
            case 4 -> f.respH = value;
            case 5 -> f.respP = value;
            default -> f.proto = value;
        }
    }

    private void writeSet(int slot, byte side) throws IOException {
        if (attributor.seuids(slot, side, writeSeuid) == 0) {
            out.write(emptyField);
        }
    }

    private void writeSeuid(int position, String seuid) {
        try {
            if (position > 0) {
                out.write(setSeparator);
            }
            out.write(seuid);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void reportAndPass(long number, String reason, String line) throws IOException {
        flush();
        out.write("#error" + separator + "line " + number + ": " + reason + "\n");
        out.write(line);
        out.write('\n');
    }

    /** Decodes Zeek's {@code \xHH} escapes in the {@code #separator} header. */
    static String unescape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                sb.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }
}
