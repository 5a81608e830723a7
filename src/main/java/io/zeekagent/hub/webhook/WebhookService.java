package io.zeekagent.hub.webhook;

import io.zeekagent.hub.net.IpAddresses;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks: stored subscriptions, and {@link #raise} for the features that have something to tell. Raising only
 * queues (see {@link WebhookDispatcher}), so it is safe on ingestion and dispatch threads.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookProperties properties;
    private final DestinationGuard guard;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private volatile @Nullable List<Webhook> cache;

    WebhookService(WebhookStore store, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.guard = new DestinationGuard(properties.allowedNetworks());
        this.dispatcher = new WebhookDispatcher(properties, guard, clock, this::deliveryFailed);
    }

    WebhookResponse create(CreateWebhookRequest request) {
        String url = request.url().strip();
        guard.refusal(url).ifPresent(why -> {
            throw InvalidRequestException.forField("url", why);
        });
        if (webhooks().size() >= properties.maxWebhooks()) {
            throw new ConflictException(
                    "too-many-webhooks", "Too many webhooks", "At most hub.webhooks.max-webhooks webhooks");
        }
        Set<String> watch = request.watchAddresses() == null
                ? Set.of()
                : request.watchAddresses().stream()
                        .map(a -> IpAddresses.normalize(a.strip())
                                .orElseThrow(() -> InvalidRequestException.forField(
                                        "watchAddresses", "'" + a + "' is not an IP address")))
                        .collect(Collectors.toSet());
        String secret = request.secret();
        boolean generated = secret == null;
        if (generated) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        Webhook hook = new Webhook(
                "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                url,
                secret,
                request.events(),
                watch,
                clock.instant());
        store.insert(hook);
        cache = null;
        return response(hook, generated ? secret : null);
    }

    List<WebhookResponse> list() {
        return webhooks().stream().map(h -> response(h, null)).toList();
    }

    WebhookResponse get(String id) {
        return response(find(id), null);
    }

    void delete(String id) {
        if (!store.delete(id)) {
            throw NotFoundException.of("webhook", id);
        }
        dispatcher.forget(id);
        cache = null;
    }

    /** Queues {@code type} with {@code data} for every webhook subscribed to it; never blocks. */
    public void raise(WebhookEventType type, Map<String, ?> data) {
        for (Webhook hook : webhooks()) {
            if (hook.events().contains(type)) {
                enqueue(hook, type, data);
            }
        }
    }

    /** Raises ADDRESS_CONTACTED for the webhooks watching {@code remoteAddress} (canonical text). */
    public void contacted(String remoteAddress, Map<String, ?> data) {
        for (Webhook hook : webhooks()) {
            if (hook.events().contains(WebhookEventType.ADDRESS_CONTACTED)
                    && hook.watchAddresses().contains(remoteAddress)) {
                enqueue(hook, WebhookEventType.ADDRESS_CONTACTED, data);
            }
        }
    }

    /** Whether any webhook watches an address, so callers can skip the per-event work when none does. */
    public boolean watching() {
        return webhooks().stream().anyMatch(h -> !h.watchAddresses().isEmpty());
    }

    private void enqueue(Webhook hook, WebhookEventType type, Map<String, ?> data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.name());
        body.put("occurredAt", clock.instant().toString());
        body.put("webhookId", hook.id());
        body.put("data", data);
        dispatcher.offer(new WebhookDispatcher.Delivery(
                hook, id, type, JsonMapper.shared().writeValueAsBytes(body), 1));
    }

    private void deliveryFailed(WebhookDispatcher.Delivery failed) {
        if (failed.type() == WebhookEventType.DELIVERY_FAILED) {
            return; // never a failure about a failure: no loops between two broken receivers
        }
        for (Webhook hook : webhooks()) {
            if (!hook.id().equals(failed.hook().id()) && hook.events().contains(WebhookEventType.DELIVERY_FAILED)) {
                enqueue(
                        hook,
                        WebhookEventType.DELIVERY_FAILED,
                        Map.of(
                                "webhookId", failed.hook().id(),
                                "deliveryId", failed.id(),
                                "event", failed.type().name(),
                                "attempts", failed.attempt()));
            }
        }
    }

    private Webhook find(String id) {
        return webhooks().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("webhook", id));
    }

    private List<Webhook> webhooks() {
        List<Webhook> known = cache;
        if (known == null) {
            known = List.copyOf(store.findAll());
            cache = known;
        }
        return known;
    }

    private WebhookResponse response(Webhook h, @Nullable String secret) {
        return new WebhookResponse(
                h.id(), h.url(), h.events(), h.watchAddresses(), h.createdAt(), dispatcher.status(h.id()), secret);
    }

    @PreDestroy
    void close() {
        dispatcher.close();
    }
}
