package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.time.Duration;
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

    /** The {@code incomplete} reason of a {@code community_id} the hub has not seen with its tuple. */
    static final String COMMUNITY_ID_UNKNOWN = "community-id-unknown";

    private final AttributionIndex index;
    private final TieredAttributor tiers;
    /** {@link #tiers} on one node; the router across replicas when index partitions exist. */
    private final ConnectionAttributor attributor;

    private final int groupSize;
    private final FlowMemory flows;
    private final UserNames users;
    private volatile boolean ready;

    /** Memory only (tests, benchmarks). */
    AttributionService(AttributionIndex index) {
        this(
                index,
                TieredAttributor.memoryOnly(index),
                500,
                new FlowMemory(1000, Duration.ofHours(24)),
                new UserNames());
    }

    /** Memory only, with the given flow memory and user names (tests). */
    AttributionService(AttributionIndex index, FlowMemory flows, UserNames users) {
        this(index, TieredAttributor.memoryOnly(index), 500, flows, users);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AttributionService(
            AttributionIndex index,
            TieredAttributor tiers,
            ColdTierProperties cold,
            FlowMemory flows,
            UserNames users,
            org.springframework.beans.factory.ObjectProvider<RoutedAttributor> routers) {
        this(index, tiers, cold.groupSize(), flows, users, routers.getIfAvailable());
    }

    private AttributionService(
            AttributionIndex index, TieredAttributor tiers, int groupSize, FlowMemory flows, UserNames users) {
        this(index, tiers, groupSize, flows, users, null);
    }

    private AttributionService(
            AttributionIndex index,
            TieredAttributor tiers,
            int groupSize,
            FlowMemory flows,
            UserNames users,
            @Nullable RoutedAttributor router) {
        this.index = index;
        this.tiers = tiers;
        this.attributor = router != null ? router : tiers;
        this.groupSize = groupSize;
        this.flows = flows;
        this.users = users;
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

    /**
     * Attributes one conn.log record given by its Zeek fields, or by a {@code community_id} alone for a flow the hub
     * has seen; a 400 names every invalid field.
     */
    AttributionResponse attribute(ConnFields fields) {
        requireReady();
        List<FieldProblem> problems = new ArrayList<>();
        String given = fields.communityId;
        if (given != null && fields.hasNoTuple()) {
            return attributeByCommunityId(fields, given, problems);
        }
        ConnectionTuple tuple = fields.resolve(problems);
        if (tuple == null) {
            throw invalid(problems);
        }
        String communityId = fields.communityId(tuple, CommunityId.forCurrentThread());
        flows.remember(communityId, tuple, System.currentTimeMillis());
        return respond(fields.uid, communityId, tuple);
    }

    private AttributionResponse attributeByCommunityId(
            ConnFields fields, String communityId, List<FieldProblem> problems) {
        if (!CommunityIdText.isValid(communityId)) {
            problems.add(new FieldProblem(
                    ConnFields.COMMUNITY_ID,
                    "'" + communityId + "' is not a Community ID v1 ('1:' and the base64 of 20 bytes)"));
            throw invalid(problems);
        }
        ConnectionTuple remembered = flows.find(communityId);
        if (remembered == null) {
            fields.withTime(new ConnectionTuple(0, 0, 0, 0, 0, 0, 0, 0), problems);
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            return new AttributionResponse(
                    fields.uid,
                    communityId,
                    List.of(),
                    List.of(),
                    List.of(),
                    Completeness.TIERS.get(0),
                    false,
                    List.of(COMMUNITY_ID_UNKNOWN));
        }
        ConnectionTuple tuple = fields.withTime(remembered, problems);
        if (tuple == null) {
            throw invalid(problems);
        }
        return respond(fields.uid, communityId, tuple);
    }

    private AttributionResponse respond(@Nullable String uid, @Nullable String communityId, ConnectionTuple tuple) {
        MatchCollector out = new MatchCollector(true);
        Completeness state = new Completeness();
        attributor.attribute(tuple, out, state);
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
        return new AttributionResponse(
                uid, communityId, orig, resp, matches, state.tier(), state.complete(), state.incomplete());
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
        if (flows.enabled()) {
            flows.remember(
                    CommunityIdText.of(tuple, CommunityId.forCurrentThread()), tuple, System.currentTimeMillis());
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
        ConnectionTuple tuple = query.tuple();
        if (flows.enabled()) {
            flows.remember(
                    CommunityIdText.of(tuple, CommunityId.forCurrentThread()), tuple, System.currentTimeMillis());
        }
        return attributeTuple(tuple);
    }

    private ConnectionAttribution attributeTuple(ConnectionTuple tuple) {
        MatchCollector out = new MatchCollector(true);
        Completeness state = new Completeness();
        attributor.attribute(tuple, out, state);
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

    /** The match's details; the user name is looked up here, at answer time, never in the index. */
    private AttributionMatch match(MatchCollector out, int i) {
        String hostId = String.valueOf(out.hostId(i));
        Long uid = orNull(out.uid(i));
        return new AttributionMatch(
                out.side(i) == MatchCollector.ORIG ? "orig" : "resp",
                out.seuid(i),
                hostId,
                out.hostname(i),
                orNull(out.pid(i)),
                out.exe(i),
                uid,
                users.name(hostId, uid),
                out.syscall(i),
                out.time(i) == ConnectionTuple.UNKNOWN_TIME ? null : Instant.ofEpochMilli(out.time(i)));
    }

    /** Memory and database tiers (routed to the owning replicas in cluster mode) as the batch formats use them. */
    ConnectionAttributor tiers() {
        return attributor;
    }

    /** The flows remembered by Community ID (the batch formats add theirs). */
    FlowMemory flows() {
        return flows;
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
        users.forgetHost(hostId);
    }

    int evictExpired(Instant now) {
        flows.evictOlderThan(now.toEpochMilli());
        return index.evictExpired(now.toEpochMilli());
    }

    AttributionIndex index() {
        return index;
    }

    private static Long orNull(long value) {
        return value == Long.MIN_VALUE ? null : value;
    }

    private static InvalidRequestException invalid(List<FieldProblem> problems) {
        return new InvalidRequestException(
                "invalid-connection", "Invalid connection record", summary(problems), problems);
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
