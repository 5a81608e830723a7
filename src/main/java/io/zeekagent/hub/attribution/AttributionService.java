package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Connection attribution (DESIGN §7): ingestion hands it committed socket events, REST callers ask it which
 * events made a connection. Answers only once the index has been rebuilt from the database.
 */
@Service
public class AttributionService {

    private final AttributionIndex index;
    private final TieredAttributor tiers;
    private final int groupSize;
    private volatile boolean ready;

    /** Memory only (tests, benchmarks). */
    AttributionService(AttributionIndex index) {
        this(index, TieredAttributor.memoryOnly(index), 500);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AttributionService(AttributionIndex index, TieredAttributor tiers, ColdTierProperties cold) {
        this(index, tiers, cold.groupSize());
    }

    private AttributionService(AttributionIndex index, TieredAttributor tiers, int groupSize) {
        this.index = index;
        this.tiers = tiers;
        this.groupSize = groupSize;
    }

    /** Adds committed events to the index, in receipt order. */
    public void index(List<SocketEventEntry> events) {
        index.addAll(events);
    }

    /** Whether lookups fall back to the database for what memory no longer holds. */
    public boolean coldTierEnabled() {
        return tiers.coldEnabled();
    }

    /**
     * Whether a lookup made now is answered from memory alone, without a database statement: the cold tier is off,
     * or memory evicted nothing by count within retention (then it holds everything the rules can need).
     */
    public boolean answersFromMemory() {
        return !tiers.coldEnabled() || !tiers.mayNeedCold();
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
        Completeness state = new Completeness();
        tiers.attribute(tuple, out, state);
        List<String> orig = new ArrayList<>();
        List<String> resp = new ArrayList<>();
        List<AttributionMatch> matches = new ArrayList<>(out.size());
        for (int k = 0; k < out.size(); k++) {
            int i = out.at(k);
            String seuid = out.seuid(i);
            boolean origSide = out.side(i) == MatchCollector.ORIG;
            (origSide ? orig : resp).add(seuid);
            matches.add(match(out, i));
        }
        String communityId = fields.communityId(tuple, CommunityId.forCurrentThread());
        return new AttributionResponse(
                fields.uid, communityId, orig, resp, matches, state.tier(), state.complete(), state.incomplete());
    }

    /**
     * Attributes one connection for in-process callers (live Zeek enrichment): the seuids of each side, in event
     * time order, and how complete the answer is — the same answer {@code POST /api/v1/attributions} gives.
     *
     * @param origH originator address (IPv4 or IPv6 text)
     * @param respH responder address
     * @param proto {@code tcp}, {@code udp}, {@code icmp}, or {@code null} when unknown
     * @param ts the connection's start, or {@code null} when unknown
     * @throws IllegalArgumentException for an invalid address or port
     * @throws io.zeekagent.hub.system.ServiceUnavailableException until the index is rebuilt ({@link #isReady})
     */
    public ConnectionAttribution attribute(
            String origH, int origP, String respH, int respP, @Nullable String proto, @Nullable Instant ts) {
        requireReady();
        ConnFields fields = new ConnFields();
        fields.origH = origH;
        fields.origP = Integer.toString(origP);
        fields.respH = respH;
        fields.respP = Integer.toString(respP);
        fields.proto = proto;
        fields.ts = ts == null ? null : ts.toString();
        List<FieldProblem> problems = new ArrayList<>();
        ConnectionTuple tuple = fields.resolve(problems);
        if (tuple == null) {
            throw new IllegalArgumentException(summary(problems));
        }
        return attributeTuple(tuple);
    }

    /**
     * Attributes one connection given in numbers (the live path from Zeek) through both tiers: matches, seuids of
     * each side and how complete the answer is, as {@code POST /api/v1/attributions} gives them.
     *
     * @throws io.zeekagent.hub.system.ServiceUnavailableException until the index is rebuilt ({@link #isReady})
     */
    public ConnectionAttribution attributeWithCompleteness(ConnectionQuery query) {
        requireReady();
        return attributeTuple(query.tuple());
    }

    private ConnectionAttribution attributeTuple(ConnectionTuple tuple) {
        MatchCollector out = new MatchCollector(true);
        Completeness state = new Completeness();
        tiers.attribute(tuple, out, state);
        List<String> orig = new ArrayList<>();
        List<String> resp = new ArrayList<>();
        List<AttributionMatch> matches = new ArrayList<>(out.size());
        for (int k = 0; k < out.size(); k++) {
            int i = out.at(k);
            boolean origSide = out.side(i) == MatchCollector.ORIG;
            (origSide ? orig : resp).add(out.seuid(i));
            matches.add(match(out, i));
        }
        return new ConnectionAttribution(orig, resp, matches, state.tier(), state.complete(), state.incomplete());
    }

    private static AttributionMatch match(MatchCollector out, int i) {
        return new AttributionMatch(
                out.side(i) == MatchCollector.ORIG ? "orig" : "resp",
                out.seuid(i),
                String.valueOf(out.hostId(i)),
                out.hostname(i),
                orNull(out.pid(i)),
                out.exe(i),
                orNull(out.uid(i)),
                out.syscall(i),
                out.time(i) == ConnectionTuple.UNKNOWN_TIME ? null : Instant.ofEpochMilli(out.time(i)));
    }

    /** Memory and database tiers as the batch formats use them. */
    TieredAttributor tiers() {
        return tiers;
    }

    /** Lines of a batch whose cold probes share one statement. */
    int groupSize() {
        return groupSize;
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
