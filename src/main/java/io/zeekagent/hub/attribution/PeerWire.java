package io.zeekagent.hub.attribution;

import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the internal lookup API between replicas ({@code POST /internal/v1/attribution/lookups}): host
 * lookups with their connection in numbers in, per lookup the matches (in time order) and the completeness bits out.
 * Short field names: a batch carries up to a thousand lookups.
 */
final class PeerWire {

    static final String PATH = "/internal/v1/attribution/lookups";
    static final int MAX_LOOKUPS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PeerWire() {}

    /** A batch: {@code details} asks for host and process fields (single-record answers; batches need none). */
    record Request(boolean details, @Nullable List<Lookup> lookups) {}

    /** A lookup: host, sides bits, then the tuple (addresses as two longs, transport code, ts or min long). */
    record Lookup(
            @Nullable String host, int sides, long oh, long ol, int op, long rh, long rl, int rp, int tr, long ts) {}

    record Response(List<Result> results) {}

    record Result(int tiers, int reasons, List<Match> matches) {}

    record Match(
            int side,
            int sh,
            long sl,
            long t,
            @Nullable String host,
            @Nullable String name,
            long pid,
            long uid,
            @Nullable String exe,
            @Nullable String sc) {}

    static byte[] request(List<HostLookup> lookups, boolean details) {
        List<Lookup> wire = new ArrayList<>(lookups.size());
        for (HostLookup l : lookups) {
            ConnectionTuple c = l.tuple();
            wire.add(new Lookup(
                    l.hostId(),
                    l.sides(),
                    c.origHi(),
                    c.origLo(),
                    c.origPort(),
                    c.respHi(),
                    c.respLo(),
                    c.respPort(),
                    c.transport(),
                    c.tsMillis()));
        }
        return JSON.writeValueAsBytes(new Request(details, wire));
    }

    /** Parses and validates a request; a 400 problem names the first bad field. */
    static Request readRequest(byte[] body) {
        Request request;
        try {
            request = JSON.readValue(body, Request.class);
        } catch (JacksonException e) {
            throw InvalidRequestException.forField("body", "not a lookup batch: " + e.getOriginalMessage());
        }
        List<Lookup> lookups = request == null ? null : request.lookups();
        if (lookups == null) {
            throw InvalidRequestException.forField("lookups", "must be an array");
        }
        if (lookups.size() > MAX_LOOKUPS) {
            throw InvalidRequestException.forField("lookups", "at most " + MAX_LOOKUPS + " lookups per request");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < lookups.size() && problems.isEmpty(); i++) {
            Lookup l = lookups.get(i);
            String at = "lookups[" + i + "].";
            if (l == null || l.host() == null || l.host().isBlank()) {
                problems.add(new FieldProblem(at + "host", "must be a host id"));
            } else if (l.sides() < 1 || l.sides() > 3) {
                problems.add(new FieldProblem(at + "sides", "must be 1 (orig), 2 (resp) or 3 (both)"));
            } else if (l.op() < 0 || l.op() > 65535 || l.rp() < 0 || l.rp() > 65535) {
                problems.add(new FieldProblem(at + "op", "ports must be within 0..65535"));
            } else if (l.tr() < 0 || l.tr() > 255) {
                problems.add(new FieldProblem(at + "tr", "must be a transport code within 0..255"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid-lookup", "Invalid lookup", problems.get(0).message(), problems);
        }
        return request;
    }

    static List<HostLookup> lookups(Request request) {
        List<HostLookup> out = new ArrayList<>();
        for (Lookup l : java.util.Objects.requireNonNull(request.lookups())) {
            out.add(new HostLookup(
                    java.util.Objects.requireNonNull(l.host()),
                    l.sides(),
                    new ConnectionTuple(l.oh(), l.ol(), l.op(), l.rh(), l.rl(), l.rp(), l.tr(), l.ts())));
        }
        return out;
    }

    static byte[] response(List<MatchCollector> outs, List<Completeness> states, int n) {
        List<Result> results = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            MatchCollector out = outs.get(k);
            List<Match> matches = new ArrayList<>(out.size());
            for (int j = 0; j < out.size(); j++) {
                int i = out.at(j);
                matches.add(new Match(
                        out.side(i),
                        out.seuidHi(i),
                        out.seuidLo(i),
                        out.time(i),
                        out.hostId(i),
                        out.hostname(i),
                        out.pid(i),
                        out.uid(i),
                        out.exe(i),
                        out.syscall(i)));
            }
            results.add(new Result(states.get(k).tiers, states.get(k).reasons, matches));
        }
        return JSON.writeValueAsBytes(new Response(results));
    }

    /** Fills {@code outs}/{@code states} from a response to {@code n} lookups; throws when it does not fit. */
    static void readResponse(byte[] body, List<MatchCollector> outs, List<Completeness> states, int n) {
        Response response = JSON.readValue(body, Response.class);
        if (response == null || response.results() == null || response.results().size() != n) {
            throw new IllegalStateException("peer answered " + (response == null ? "nothing" : "another count"));
        }
        for (int k = 0; k < n; k++) {
            Result r = response.results().get(k);
            MatchCollector out = outs.get(k);
            Completeness state = states.get(k);
            out.clear();
            state.tiers = r.tiers() & 3;
            state.reasons = r.reasons();
            for (Match m : r.matches()) {
                int i = out.add((byte) m.side(), m.sh(), m.sl(), m.t());
                if (out.wantsDetails()) {
                    out.details(i, m.host() == null ? "" : m.host(), m.name(), m.pid(), m.uid(), m.exe(), m.sc());
                }
            }
        }
    }
}
