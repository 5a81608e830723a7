package io.zeekagent.hub.subscription;

import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions: validated scheduled queries and their targets; what dispatch delivers to agents. */
@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final GroupService groups;
    private final SubscriptionProperties properties;
    private final Clock clock;

    SubscriptionService(
            SubscriptionRepository subscriptions, GroupService groups, SubscriptionProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.groups = groups;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<SubscriptionResponse> list(Pageable pageable) {
        return PageResponse.from(subscriptions.findAll(pageable), SubscriptionResponse::from);
    }

    @Transactional(readOnly = true)
    public SubscriptionResponse get(String id) {
        return SubscriptionResponse.from(load(id));
    }

    @Transactional(readOnly = true)
    public Optional<SubscriptionResponse> find(String id) {
        return subscriptions.findById(id).map(SubscriptionResponse::from);
    }

    /** Every enabled subscription, oldest first: what dispatch reconciles against. */
    @Transactional(readOnly = true)
    public List<SubscriptionResponse> enabledSubscriptions() {
        return subscriptions.findByEnabledTrueOrderByCreatedAtAsc().stream()
                .map(SubscriptionResponse::from)
                .toList();
    }

    /** Creates a subscription with a new id (its wire cookie). */
    @Transactional
    public SubscriptionResponse create(SubscriptionRequest request) {
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), define(request), now());
        return SubscriptionResponse.from(subscriptions.saveAndFlush(subscription));
    }

    /**
     * Creates the subscription unless one with the same name exists; how the hub's built-in subscriptions are made
     * once and then left to the operator.
     *
     * @return the created subscription, or empty when one of that name already existed
     */
    @Transactional
    public Optional<SubscriptionResponse> createIfNameAbsent(SubscriptionRequest request) {
        String id = nameBasedId(request.name());
        if (subscriptions.existsByName(request.name()) || subscriptions.existsById(id)) {
            return Optional.empty();
        }
        return Optional.of(
                SubscriptionResponse.from(subscriptions.saveAndFlush(new Subscription(id, define(request), now()))));
    }

    /**
     * The id a name-found subscription gets: the same on every replica, so that replicas starting together on an
     * empty database cannot both create it (the second insert fails on the primary key instead of adding a twin
     * that every agent would run twice).
     */
    static String nameBasedId(String name) {
        return UUID.nameUUIDFromBytes(("zeek-agent-hub subscription " + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Creates or updates the subscription {@code id} on behalf of {@code owner} (a Zeek through the compat script
     * API): a replay of the same call changes nothing, so agents are not sent it again.
     *
     * @throws io.zeekagent.hub.system.ConflictException when {@code id} exists and belongs to someone else
     */
    @Transactional
    public SubscriptionResponse upsertOwned(String id, String owner, SubscriptionRequest request) {
        SubscriptionDefinition definition = define(request);
        Optional<Subscription> existing = subscriptions.findById(id);
        if (existing.isEmpty()) {
            return SubscriptionResponse.from(
                    subscriptions.saveAndFlush(new Subscription(id, definition, owner, now())));
        }
        Subscription subscription = existing.get();
        if (!owner.equals(subscription.getOwner())) {
            throw new ConflictException(
                    "subscription-owned",
                    "Subscription has another owner",
                    "Subscription " + id + " is not " + owner + "'s");
        }
        if (subscription.redefine(definition, now())) {
            subscriptions.flush();
        }
        return SubscriptionResponse.from(subscription);
    }

    /** Deletes the subscription {@code id} if {@code owner} owns it; whether it did. */
    @Transactional
    public boolean deleteOwned(String id, String owner) {
        Optional<Subscription> existing = subscriptions.findById(id);
        if (existing.isEmpty() || !owner.equals(existing.get().getOwner())) {
            return false;
        }
        subscriptions.delete(existing.get());
        return true;
    }

    /**
     * The result column names a query yields (aliases win; {@code SELECT *} expanded for known tables), with the same
     * validation as create.
     *
     * @throws InvalidRequestException when the query is not one valid SELECT
     */
    public List<String> columnsOf(String query) {
        return QueryAnalyzer.analyze(query, null).columns();
    }

    /** Replaces a subscription's definition; the revision grows only when something actually changed. */
    @Transactional
    public SubscriptionResponse update(String id, SubscriptionRequest request) {
        Subscription subscription = editable(id);
        SubscriptionDefinition definition = define(request);
        if (subscription.redefine(definition, now())) {
            subscriptions.flush();
        }
        return SubscriptionResponse.from(subscription);
    }

    @Transactional
    public void delete(String id) {
        subscriptions.delete(editable(id));
    }

    /** A subscription REST may change: 409 for one a Zeek owns (its script would only make it again). */
    private Subscription editable(String id) {
        Subscription subscription = load(id);
        String owner = subscription.getOwner();
        if (owner != null) {
            throw new ConflictException(
                    "subscription-owned",
                    "Subscription owned by a Zeek",
                    "Subscription " + id + " belongs to " + owner
                            + " (made by its zeek-agent-hub/compat script); change it in that script");
        }
        return subscription;
    }

    private SubscriptionDefinition define(SubscriptionRequest request) {
        AnalyzedQuery query = QueryAnalyzer.analyze(request.query(), request.columns());
        Set<String> targetGroups = request.groups() == null ? Set.of() : request.groups();
        List<String> undefined = groups.undefined(targetGroups.stream().sorted().toList());
        if (!undefined.isEmpty()) {
            String message = "not defined: " + String.join(", ", undefined);
            throw new InvalidRequestException(
                    "unknown-group",
                    "Unknown group",
                    "groups: " + message + " (define them under /api/v1/groups first)",
                    List.of(new FieldProblem("groups", message)));
        }
        SubscriptionKind kind = request.kind() == null ? SubscriptionKind.RESULTS : request.kind();
        UpdateType defaultUpdateType = kind == SubscriptionKind.SOCKET_EVENTS ? UpdateType.ADDED : UpdateType.BOTH;
        return new SubscriptionDefinition(
                request.name().strip(),
                query.sql(),
                request.event() == null ? properties.defaultEvent() : request.event(),
                query.columns(),
                request.intervalSeconds() == null
                        ? (int) properties.defaultInterval().toSeconds()
                        : request.intervalSeconds(),
                request.updateType() == null ? defaultUpdateType : request.updateType(),
                kind,
                request.hosts() == null ? Set.of() : request.hosts(),
                targetGroups,
                request.enabled() == null || request.enabled());
    }

    private Subscription load(String id) {
        return subscriptions.findById(id).orElseThrow(() -> NotFoundException.of("subscription", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
