package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * What other features tell the dispatcher, and what it tells them. Transports call {@link #hostAnnounced} when an
 * agent (re)connects with a fresh state; the host feature's group changes arrive as {@link io.zeekagent.hub.host.HostGroupsAssigned}
 * events; everything converges on the next tick.
 */
@Service
public class DispatchService {

    private final Dispatcher dispatcher;
    private final DeliveryStore store;
    private final SubscriptionService subscriptions;

    DispatchService(Dispatcher dispatcher, DeliveryStore store, SubscriptionService subscriptions) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.subscriptions = subscriptions;
    }

    /**
     * An agent announced itself and runs nothing yet (every v1 {@code host_new}, every v2 hello with a new
     * instance): the next tick delivers everything that targets it and joins it to the groups it did not announce.
     */
    public void hostAnnounced(String hostId, Set<String> announcedGroups) {
        dispatcher.hostAnnounced(hostId, announcedGroups);
    }

    /** Groups assigned to or removed from a host: the next tick sends {@code host_join}/{@code host_leave}. */
    public void groupsChanged(String hostId, Set<String> added, Set<String> removed) {
        dispatcher.groupsChanged(hostId, added, removed);
    }

    /**
     * An agent reported an error for a subscription it was sent (v2 {@code agent_error_v1}): the next tick marks
     * the delivery FAILED with the agent's message.
     */
    public void deliveryFailed(String hostId, String subscriptionId, String message) {
        dispatcher.agentFailed(hostId, subscriptionId, message);
    }

    /** Runs a tick now (tests, benchmarks); the schedule runs them anyway. */
    public TickSummary tick() {
        return dispatcher.tick();
    }

    /**
     * What each host was last sent of a subscription, ordered by host id; also of a deleted subscription, whose
     * unsubscribes stay on record.
     *
     * @throws NotFoundException when there is no such subscription and nothing was ever sent of it
     */
    public PageResponse<DeliveryResponse> deliveries(String subscriptionId, int page, int size) {
        Pageable p = Paging.of(page, size, Sort.unsorted());
        long total = store.countForSubscription(subscriptionId);
        if (total == 0 && subscriptions.find(subscriptionId).isEmpty()) {
            throw NotFoundException.of("subscription", subscriptionId);
        }
        var content = store.pageForSubscription(subscriptionId, p.getOffset(), p.getPageSize());
        int pages = (int) ((total + p.getPageSize() - 1) / p.getPageSize());
        return new PageResponse<>(content, p.getPageNumber(), p.getPageSize(), total, pages);
    }
}
