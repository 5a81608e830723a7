package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/** Tests for {@link SubscriptionRepository} and the subscriptions part of the V1 migration (embedded H2). */
@DataJpaTest
class SubscriptionRepositoryTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    TestEntityManager em;

    @Test
    void keepsColumnsInSelectOrder() {
        subscriptions.saveAndFlush(new Subscription("s1", definition(List.of("time", "pid", "exe"), Set.of()), T));
        em.clear();

        Subscription read = subscriptions.findById("s1").orElseThrow();
        assertThat(read.definition().columns()).containsExactly("time", "pid", "exe");
        assertThat(read.getRevision()).isZero();
    }

    @Test
    void growsTheRevisionOnlyWhenTheDefinitionChanges() {
        Subscription subscription =
                subscriptions.saveAndFlush(new Subscription("s1", definition(List.of("pid"), Set.of()), T));

        assertThat(subscription.redefine(definition(List.of("pid"), Set.of()), T.plusSeconds(1)))
                .isFalse();
        subscriptions.flush();
        assertThat(subscription.getRevision()).isZero();

        assertThat(subscription.redefine(definition(List.of("process_id"), Set.of()), T.plusSeconds(2)))
                .isTrue();
        subscriptions.flush();
        assertThat(subscription.getRevision()).isEqualTo(1);
    }

    @Test
    void findsSubscriptionsByTargetedGroupAndEnabled() {
        insertGroup("dmz");
        subscriptions.saveAndFlush(new Subscription("s1", definition(List.of("pid"), Set.of("dmz")), T));
        subscriptions.saveAndFlush(new Subscription("s2", definition(List.of("pid"), Set.of()), T.plusSeconds(1)));

        assertThat(subscriptions.findByGroup("dmz"))
                .extracting(Subscription::getId)
                .containsExactly("s1");
        assertThat(subscriptions.findByEnabledTrueOrderByCreatedAtAsc())
                .extracting(Subscription::getId)
                .containsExactly("s1", "s2");
    }

    @Test
    void refusesToTargetAGroupThatIsNotStored() {
        assertThatThrownBy(() -> {
                    em.persist(new Subscription("s1", definition(List.of("pid"), Set.of("ghost")), T));
                    em.flush();
                })
                .isInstanceOf(PersistenceException.class);
    }

    private void insertGroup(String name) {
        em.getEntityManager()
                .createNativeQuery("insert into agent_groups (name, created_at, updated_at, version)"
                        + " values (?, current_timestamp, current_timestamp, 0)")
                .setParameter(1, name)
                .executeUpdate();
    }

    private static SubscriptionDefinition definition(List<String> columns, Set<String> groups) {
        return new SubscriptionDefinition(
                "s",
                "SELECT pid FROM processes",
                "ZeekAgent::query_result",
                columns,
                10,
                UpdateType.BOTH,
                SubscriptionKind.RESULTS,
                Set.of("h1"),
                groups,
                true);
    }
}
