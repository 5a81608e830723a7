package io.zeekagent.hub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.host.PresenceChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link PresenceStage}. */
class PresenceStageTests {

    private final List<List<String>> batches = new ArrayList<>();
    private final List<String> continued = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    @Test
    void appliesWhatQueuedUpInOneBatchAndContinuesInOrder() {
        PresenceStage stage = new PresenceStage(registry(Set.of()));
        for (int i = 0; i < 3; i++) {
            submit(stage, new PresenceChange.Seen("h" + i));
        }
        submit(stage, new PresenceChange.Left("h0"));

        stage.start();
        stage.stop();

        assertThat(batches).containsExactly(List.of("h0", "h1", "h2", "h0"));
        assertThat(continued).containsExactly("h0:true", "h1:true", "h2:true", "h0:true");
    }

    @Test
    void appliesChangesOneByOneWhenTheirBatchFailsAndReportsOnlyTheBadOne() {
        PresenceStage stage = new PresenceStage(registry(Set.of("bad")));
        submit(stage, new PresenceChange.Seen("a"));
        submit(stage, new PresenceChange.Seen("bad"));
        submit(stage, new PresenceChange.Seen("b"));

        stage.start();
        stage.stop();

        assertThat(batches).containsExactly(List.of("a", "bad", "b"), List.of("a"), List.of("bad"), List.of("b"));
        assertThat(continued).containsExactly("a:true", "b:true");
        assertThat(failed).containsExactly("bad");
    }

    @Test
    void keepsWhatIsSubmittedWhileStoppedForTheNextStart() {
        PresenceStage stage = new PresenceStage(registry(Set.of()));
        stage.start();
        stage.stop();
        submit(stage, new PresenceChange.Seen("late"));
        assertThat(continued).isEmpty();

        stage.start();
        stage.stop();

        assertThat(continued).containsExactly("late:true");
    }

    private void submit(PresenceStage stage, PresenceChange change) {
        stage.submit(change, known -> continued.add(change.hostId() + ":" + known), () -> failed.add(change.hostId()));
    }

    /** Knows every host; fails any batch holding one of {@code failing}. */
    private AgentRegistry registry(Set<String> failing) {
        return new AgentRegistry() {
            @Override
            public boolean[] apply(List<PresenceChange> changes) {
                List<String> ids = changes.stream().map(PresenceChange::hostId).toList();
                batches.add(ids);
                if (ids.stream().anyMatch(failing::contains)) {
                    throw new IllegalStateException("database down");
                }
                boolean[] known = new boolean[changes.size()];
                Arrays.fill(known, true);
                return known;
            }

            @Override
            public Set<String> onlineHostIds(String transport) {
                return Set.of();
            }
        };
    }
}
