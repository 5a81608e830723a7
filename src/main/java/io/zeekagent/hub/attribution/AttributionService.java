package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Connection attribution (DESIGN §7): ingestion hands it committed socket events, REST callers ask it which
 * events made a connection. Answers only once the index has been rebuilt from the database.
 */
@Service
public class AttributionService {

    /** The live path runs on a few long-lived threads (the bridge's dispatch thread): one collector each. */
    private static final ThreadLocal<MatchCollector> LIVE_MATCHES =
            ThreadLocal.withInitial(() -> new MatchCollector(true));

    private final AttributionIndex index;
    private volatile boolean ready;

    AttributionService(AttributionIndex index) {
        this.index = index;
    }

    /** Adds committed events to the index, in receipt order. */
    public void index(List<SocketEventEntry> events) {
        index.addAll(events);
    }

    /** Whether the index has been rebuilt and attribution answers. */
    public boolean isReady() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** Throws a 503 problem until the index is rebuilt. */
    void requireReady() {
        if (!ready) {
            throw new ServiceUnavailableException(
                    "attribution-not-ready",
                    "Attribution index not ready",
                    "The socket-event index is being rebuilt from the database; retry in a few seconds.");
        }
    }

    /** Attributes one conn.log record given by its Zeek fields; a 400 names every invalid field. */
    AttributionResponse attribute(ConnFields fields) {
        requireReady();
        List<FieldProblem> problems = new ArrayList<>();
        ConnectionTuple tuple = fields.resolve(problems);
        if (tuple == null) {
            throw new InvalidRequestException(
                    "invalid-connection", "Invalid connection record", summary(problems), problems);
        }
        MatchCollector out = new MatchCollector(true);
        index.attribute(tuple, out);
        List<String> orig = new ArrayList<>();
        List<String> resp = new ArrayList<>();
        List<AttributionMatch> matches = new ArrayList<>(out.size());
        for (int k = 0; k < out.size(); k++) {
            int i = out.at(k);
            String seuid = out.seuid(i);
            boolean origSide = out.side(i) == MatchCollector.ORIG;
            (origSide ? orig : resp).add(seuid);
            matches.add(new AttributionMatch(
                    origSide ? "orig" : "resp",
                    seuid,
                    String.valueOf(out.hostId(i)),
                    out.hostname(i),
                    orNull(out.pid(i)),
                    out.exe(i),
                    orNull(out.uid(i)),
                    out.syscall(i),
                    out.time(i) == ConnectionTuple.UNKNOWN_TIME ? null : Instant.ofEpochMilli(out.time(i))));
        }
        String communityId = fields.communityId(tuple, CommunityId.forCurrentThread());
        return new AttributionResponse(fields.uid, communityId, orig, resp, matches);
    }

    /**
     * Attributes one connection given in numbers (the live path from Zeek, issue 15) with the same rules and time
     * window as {@link #attribute(ConnFields)}: every match with host and process, by event time. Empty while the
     * index is not ready (check {@link #isReady()} to tell that apart from "no match").
     */
    public List<AttributionMatch> attribute(ConnectionQuery query) {
        if (!ready) {
            return List.of();
        }
        MatchCollector out = LIVE_MATCHES.get();
        index.attribute(query.tuple(), out);
        List<AttributionMatch> matches = new ArrayList<>(out.size());
        for (int k = 0; k < out.size(); k++) {
            int i = out.at(k);
            matches.add(new AttributionMatch(
                    out.side(i) == MatchCollector.ORIG ? "orig" : "resp",
                    out.seuid(i),
                    String.valueOf(out.hostId(i)),
                    out.hostname(i),
                    orNull(out.pid(i)),
                    out.exe(i),
                    orNull(out.uid(i)),
                    out.syscall(i),
                    out.time(i) == ConnectionTuple.UNKNOWN_TIME ? null : Instant.ofEpochMilli(out.time(i))));
        }
        return matches;
    }

    void putHost(HostAddresses host) {
        index.putHost(host);
    }

    void removeHost(String hostId) {
        index.removeHost(hostId);
    }

    int evictExpired(Instant now) {
        return index.evictExpired(now.toEpochMilli());
    }

    AttributionIndex index() {
        return index;
    }

    private static Long orNull(long value) {
        return value == Long.MIN_VALUE ? null : value;
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (FieldProblem p : problems) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(p.field())
                    .append(": ")
                    .append(p.message());
        }
        return sb.toString();
    }
}
