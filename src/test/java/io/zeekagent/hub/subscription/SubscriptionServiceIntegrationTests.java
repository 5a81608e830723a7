package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Tests for {@link SubscriptionService} with the real store and configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@Transactional
class SubscriptionServiceIntegrationTests {

    @Autowired
    SubscriptionService subscriptions;

    @Test
    void appliesDefaultsFromConfigurationAndKind() {
        SubscriptionResponse results = subscriptions.create(request("SELECT pid FROM processes", null, null));
        assertThat(results.intervalSeconds()).isEqualTo(10);
        assertThat(results.event()).isEqualTo("ZeekAgent::query_result");
        assertThat(results.updateType()).isEqualTo(UpdateType.BOTH);
        assertThat(results.kind()).isEqualTo(SubscriptionKind.RESULTS);
        assertThat(results.enabled()).isTrue();
        assertThat(results.targetsAllHosts()).isTrue();
        assertThat(results.revision()).isZero();

        SubscriptionResponse sockets = subscriptions.create(new SubscriptionRequest(
                "s",
                "SELECT * FROM socket_events",
                null,
                null,
                30,
                null,
                SubscriptionKind.SOCKET_EVENTS,
                Set.of("unseen-host"),
                null,
                null));
        assertThat(sockets.updateType()).isEqualTo(UpdateType.ADDED);
        assertThat(sockets.intervalSeconds()).isEqualTo(30);
        assertThat(sockets.hosts()).containsExactly("unseen-host");
    }

    @Test
    void growsTheRevisionOnEveryChangeAndOnlyThen() {
        SubscriptionResponse created = subscriptions.create(request("SELECT pid FROM processes", null, null));

        SubscriptionResponse same =
                subscriptions.update(created.id(), request("SELECT pid FROM processes", null, null));
        SubscriptionResponse changed =
                subscriptions.update(created.id(), request("SELECT pid, name FROM processes", null, null));

        assertThat(same.revision()).isZero();
        assertThat(changed.revision()).isEqualTo(1);
        assertThat(changed.columns()).containsExactly("pid", "name");
        assertThat(subscriptions.get(created.id()).revision()).isEqualTo(1);
    }

    @Test
    void refusesUndefinedGroupsAndInvalidQueries() {
        assertThatThrownBy(() -> subscriptions.create(request("SELECT 1", null, Set.of("ghost"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> subscriptions.create(request("DELETE FROM processes", null, null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("DELETE");
        assertThatThrownBy(() -> subscriptions.create(request("SELECT pid FROM processes", List.of("a", "b"), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("2 declared");
    }

    @Test
    void servesEnabledSubscriptionsToDispatchAndForgetsDeletedOnes() {
        SubscriptionResponse on = subscriptions.create(request("SELECT pid FROM processes", null, null));
        SubscriptionResponse off = subscriptions.create(new SubscriptionRequest(
                "off", "SELECT pid FROM processes", null, null, null, null, null, null, null, false));

        assertThat(subscriptions.enabledSubscriptions())
                .extracting(SubscriptionResponse::id)
                .contains(on.id())
                .doesNotContain(off.id());

        subscriptions.delete(on.id());
        assertThat(subscriptions.find(on.id())).isEmpty();
        assertThatThrownBy(() -> subscriptions.get(on.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNameFoundSubscriptionHasTheSameIdOnEveryReplicaAndIsMadeOnceEvenWhenRenamed() {
        SubscriptionRequest builtIn = new SubscriptionRequest(
                "built-in under test", "SELECT pid FROM processes", null, null, null, null, null, null, null, null);

        SubscriptionResponse created = subscriptions.createIfNameAbsent(builtIn).orElseThrow();

        // Name-based: a second replica computing it gets the same primary key, so its insert cannot add a twin.
        assertThat(created.id()).isEqualTo(SubscriptionService.nameBasedId("built-in under test"));
        assertThat(subscriptions.createIfNameAbsent(builtIn)).isEmpty();
        subscriptions.update(
                created.id(),
                new SubscriptionRequest(
                        "renamed by the operator",
                        "SELECT pid FROM processes",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(subscriptions.createIfNameAbsent(builtIn))
                .as("found again by its id")
                .isEmpty();
    }

    private static SubscriptionRequest request(String query, List<String> columns, Set<String> groups) {
        return new SubscriptionRequest("s", query, null, columns, null, null, null, null, groups, null);
    }
}
