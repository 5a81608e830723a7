package io.zeekagent.hub.attribution;

import io.zeekagent.hub.net.IpAddress;
import io.zeekagent.hub.system.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one conn.log record that attribution reads, as found in the input (JSON or TSV), and their
 * validation into a {@link ConnectionTuple} (rule 1). Reused record after record; not thread-safe.
 */
final class ConnFields {

    static final String UID = "uid";
    static final String TS = "ts";
    static final String ORIG_H = "id.orig_h";
    static final String ORIG_P = "id.orig_p";
    static final String RESP_H = "id.resp_h";
    static final String RESP_P = "id.resp_p";
    static final String PROTO = "proto";
    static final String COMMUNITY_ID = "community_id";

    /**
     * Every name {@link #set} knows: Zeek's flat and nested ({@code id: {orig_h}}) spellings, then Suricata EVE's
     * ({@code src_ip}..., source = originator), so IDS alerts attribute without reshaping.
     */
    static final List<String> NAMES = List.of(
            UID,
            TS,
            ORIG_H,
            "orig_h",
            ORIG_P,
            "orig_p",
            RESP_H,
            "resp_h",
            RESP_P,
            "resp_p",
            PROTO,
            "src_ip",
            "src_port",
            "dest_ip",
            "dest_port",
            "timestamp",
            COMMUNITY_ID);

    /** Suricata's EVE timestamp: ISO-8601 with a {@code +0000} offset (no colon), which {@link Instant} refuses. */
    private static final DateTimeFormatter EVE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSS]xx");

    @Nullable
    String uid;

    @Nullable
    String ts;

    @Nullable
    String origH;

    @Nullable
    String origP;

    @Nullable
    String respH;

    @Nullable
    String respP;

    @Nullable
    String proto;

    /** A Community ID given in the input (Suricata writes one); used only when the tuple is absent. */
    @Nullable
    String communityId;

    private final IpAddress orig = new IpAddress();
    private final IpAddress resp = new IpAddress();

    void clear() {
        uid = ts = origH = origP = respH = respP = proto = communityId = null;
    }

    /** Stores a value under its Zeek name (flat form, or {@code orig_h}... inside {@code id}); false if unknown. */
    boolean set(String name, @Nullable String value) {
        switch (name) {
            case UID -> uid = value;
            case TS, "timestamp" -> ts = value;
            case ORIG_H, "orig_h", "src_ip" -> origH = value;
            case ORIG_P, "orig_p", "src_port" -> origP = value;
            case RESP_H, "resp_h", "dest_ip" -> respH = value;
            case RESP_P, "resp_p", "dest_port" -> respP = value;
            case PROTO -> proto = value;
            case COMMUNITY_ID -> communityId = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether the record names no endpoint at all (no address, no port): only a Community ID can place it. */
    boolean hasNoTuple() {
        return origH == null && origP == null && respH == null && respP == null;
    }

    /**
     * The remembered tuple with this record's time when it has one (else the time the flow was seen), or {@code
     * null} with the reasons added to {@code problems} when the time is invalid.
     */
    @Nullable
    ConnectionTuple withTime(ConnectionTuple remembered, List<FieldProblem> problems) {
        int before = problems.size();
        long tsMillis = time(problems);
        if (problems.size() > before) {
            return null;
        }
        if (tsMillis == ConnectionTuple.UNKNOWN_TIME) {
            return remembered;
        }
        return new ConnectionTuple(
                remembered.origHi(),
                remembered.origLo(),
                remembered.origPort(),
                remembered.respHi(),
                remembered.respLo(),
                remembered.respPort(),
                remembered.transport(),
                tsMillis);
    }

    /** The validated tuple, or {@code null} with the reasons added to {@code problems}. */
    @Nullable
    ConnectionTuple resolve(List<FieldProblem> problems) {
        int before = problems.size();
        address(ORIG_H, origH, orig, problems);
        address(RESP_H, respH, resp, problems);
        int op = port(ORIG_P, origP, problems);
        int rp = port(RESP_P, respP, problems);
        long tsMillis = time(problems);
        if (problems.size() > before) {
            return null;
        }
        return new ConnectionTuple(
                orig.hi(), orig.lo(), op, resp.hi(), resp.lo(), rp, Transport.fromName(proto), tsMillis);
    }

    private static void address(String field, @Nullable String text, IpAddress into, List<FieldProblem> problems) {
        if (text == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (!into.parse(text)) {
            problems.add(new FieldProblem(field, "'" + text + "' is not an IP address"));
        }
    }

    private static int port(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null) {
            problems.add(new FieldProblem(field, "is required"));
            return 0;
        }
        int value = 0;
        boolean valid = !text.isEmpty() && text.length() <= 5;
        for (int i = 0; valid && i < text.length(); i++) {
            char c = text.charAt(i);
            valid = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!valid || value > 65535) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a port (0-65535)"));
            return 0;
        }
        return value;
    }

    private long time(List<FieldProblem> problems) {
        if (ts == null || ts.isEmpty() || ts.equals("-")) {
            return ConnectionTuple.UNKNOWN_TIME;
        }
        try {
            char first = ts.charAt(0);
            if ((first >= '0' && first <= '9') && ts.indexOf('-') < 0) {
                return new BigDecimal(ts).movePointRight(3).longValue();
            }
            if (ts.length() < 6 || ts.endsWith("Z") || ts.charAt(ts.length() - 3) == ':') {
                return Instant.parse(ts).toEpochMilli();
            }
            return OffsetDateTime.parse(ts, EVE_TIME).toInstant().toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            problems.add(new FieldProblem(TS, "'" + ts + "' is neither epoch seconds nor an ISO-8601 time"));
            return ConnectionTuple.UNKNOWN_TIME;
        }
    }

    /** The Community ID of the validated tuple, or {@code null} when the transport has none. */
    @Nullable
    String communityId(ConnectionTuple c, CommunityId hasher) {
        int protocol = Transport.ianaNumber(c.transport(), orig.isV4());
        if (protocol < 0) {
            return null;
        }
        return hasher.of(protocol, c.origHi(), c.origLo(), c.respHi(), c.respLo(), c.origPort(), c.respPort());
    }
}
