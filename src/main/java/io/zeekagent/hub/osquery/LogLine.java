package io.zeekagent.hub.osquery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One osquery log line as read in one streaming pass: the envelope fields the hub uses and the rows in whichever
 * shape the line has, nothing else (decorations, host identifier, calendar time, epoch, counter are skipped). The
 * same type holds result lines and status lines; a result line reads {@link #columns} (event format),
 * {@link #added}/{@link #removed} (batch format) or {@link #snapshot}, a status line {@link #severity} and its text.
 */
final class LogLine {

    /** Rows of a field that is neither absent, null, {@code ""} nor an array: the line is not a result line. */
    static final List<Columns> INVALID = Collections.unmodifiableList(new ArrayList<>(0));

    /** A line that is not a JSON object (a number, an array, text that is no JSON object). */
    static final LogLine NOT_AN_OBJECT = new LogLine();

    @Nullable
    String name;

    @Nullable
    Long unixTime;

    @Nullable
    String action;

    /** {@code columns} when it is an object (event format), else null. */
    @Nullable
    Columns columns;

    /** Whether {@code diffResults} is an object (batch format); then {@link #added} and {@link #removed} apply. */
    boolean diffResults;

    /** null when absent, null or {@code ""}; {@link #INVALID} when not an array; else its object rows. */
    @Nullable
    List<Columns> added;

    @Nullable
    List<Columns> removed;

    /** Whether {@code snapshot} is present at all (a JSON null counts); then {@link #snapshot} applies. */
    boolean hasSnapshot;

    @Nullable
    List<Columns> snapshot;

    @Nullable
    Long severity;

    @Nullable
    String message;

    @Nullable
    String filename;

    @Nullable
    String line;

    /** Whether the line came as a JSON string holding the object (some forwarders send lines so). */
    boolean sentAsText;

    boolean isObject() {
        return this != NOT_AN_OBJECT;
    }

    @Nullable
    String name() {
        return name;
    }

    @Nullable
    Columns columns() {
        return columns;
    }
}
