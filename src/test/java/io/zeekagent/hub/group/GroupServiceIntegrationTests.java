package io.zeekagent.hub.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Tests for {@link GroupService} with the real store and the features around it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@Transactional
class GroupServiceIntegrationTests {

    @Autowired
    GroupService groups;

    @Autowired
    HostService hosts;

    @Autowired
    HostPresenceService presence;

    @Autowired
    SubscriptionService subscriptions;

    @Test
    void canonicalisesSubnetsAndRejectsInvalidOnes() {
        String name = unique("g");
        GroupResponse created =
                groups.create(new CreateGroupRequest(name, "d", Set.of("10.9.8.7/8", "::ffff:192.168.0.0/112"), null));
        assertThat(created.subnets()).containsExactly("10.0.0.0/8", "192.168.0.0/16");

        assertThatThrownBy(() -> groups.create(new CreateGroupRequest(unique("g"), null, Set.of("10.0.0.0/33"), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> groups.create(new CreateGroupRequest(name, null, null, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(name);
    }

    @Test
    void listsEffectiveMembersFromEverySource() {
        String name = unique("g");
        String announcing = unique("a");
        String explicit = unique("e");
        String bySubnet = unique("s");
        groups.create(new CreateGroupRequest(name, null, Set.of("198.51.100.0/24"), Set.of(explicit, "unseen")));
        presence.registerAgent(
                new AgentAnnouncement(announcing, null, null, List.of(name), null, null, List.of(), null));
        presence.registerAgent(new AgentAnnouncement(explicit, null, null, List.of(), null, null, List.of(), null));
        presence.registerAgent(
                new AgentAnnouncement(bySubnet, null, null, List.of(), null, null, List.of("198.51.100.7"), null));

        assertThat(groups.members(name))
                .extracting(HostResponse::hostId)
                .containsExactlyInAnyOrder(announcing, explicit, bySubnet);
        assertThatThrownBy(() -> groups.members(unique("missing"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void replacesADefinition() {
        String name = unique("g");
        groups.create(new CreateGroupRequest(name, "old", Set.of("10.0.0.0/8"), Set.of("h1")));

        GroupResponse updated = groups.update(name, new UpdateGroupRequest("new", null, Set.of("h2")));

        assertThat(updated.description()).isEqualTo("new");
        assertThat(updated.subnets()).isEmpty();
        assertThat(updated.hostIds()).containsExactly("h2");
    }

    @Test
    void refusesToDeleteAGroupASubscriptionTargets() {
        String name = unique("g");
        groups.create(new CreateGroupRequest(name, null, null, null));
        subscriptions.create(new SubscriptionRequest(
                "uses-group", "SELECT pid FROM processes", null, null, null, null, null, null, Set.of(name), null));

        assertThatThrownBy(() -> groups.delete(name))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("uses-group");

        String unused = unique("g");
        groups.create(new CreateGroupRequest(unused, null, null, null));
        groups.delete(unused);
        assertThat(groups.exists(unused)).isFalse();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
