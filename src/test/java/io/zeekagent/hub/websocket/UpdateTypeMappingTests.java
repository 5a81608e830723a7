package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link UpdateTypeMapping}: v1 update types expressed in v2 modes. */
class UpdateTypeMappingTests {

    @Test
    void usesEventsForEventTablesWhateverTheUpdateType() {
        assertThat(UpdateTypeMapping.mode("ADDED", Set.of("sockets_events"))).isEqualTo(V2Mode.EVENTS);
        assertThat(UpdateTypeMapping.mode("BOTH", Set.of("processes", "processes_events")))
                .isEqualTo(V2Mode.EVENTS);
    }

    @Test
    void usesSnapshotPlusDifferencesForAddedAndBothAndDifferencesForRemoved() {
        assertThat(UpdateTypeMapping.mode("BOTH", Set.of("sockets"))).isEqualTo(V2Mode.SNAPSHOT_PLUS_DIFFERENCES);
        assertThat(UpdateTypeMapping.mode("ADDED", Set.of("users"))).isEqualTo(V2Mode.SNAPSHOT_PLUS_DIFFERENCES);
        assertThat(UpdateTypeMapping.mode("REMOVED", Set.of("users"))).isEqualTo(V2Mode.DIFFERENCES);
    }

    @Test
    void keepsOnlyTheChangesTheUpdateTypeAsksFor() {
        assertThat(UpdateTypeMapping.keeps("ADDED", V2Change.NONE)).isTrue();
        assertThat(UpdateTypeMapping.keeps("ADDED", V2Change.ADD)).isTrue();
        assertThat(UpdateTypeMapping.keeps("ADDED", V2Change.DELETE)).isFalse();
        assertThat(UpdateTypeMapping.keeps("REMOVED", V2Change.ADD)).isFalse();
        assertThat(UpdateTypeMapping.keeps("REMOVED", V2Change.DELETE)).isTrue();
        assertThat(UpdateTypeMapping.keeps("BOTH", V2Change.DELETE)).isTrue();
    }

    @Test
    void storesRowsWithTheV1ResultTypes() {
        assertThat(UpdateTypeMapping.resultType(V2Change.NONE, false)).isEqualTo("ADD");
        assertThat(UpdateTypeMapping.resultType(V2Change.ADD, false)).isEqualTo("ADD");
        assertThat(UpdateTypeMapping.resultType(V2Change.DELETE, false)).isEqualTo("REMOVE");
        assertThat(UpdateTypeMapping.resultType(V2Change.NONE, true)).isEqualTo("SNAPSHOT");
    }

    @Test
    void findsTheAgentIdOfResponseTopics() {
        assertThat(V2Topics.agentIdOf("/zeek-agent/response/all/H1")).isEqualTo("H1");
        assertThat(V2Topics.agentIdOf("/zeek-agent/response/zeek_1/H2")).isEqualTo("H2");
        assertThat(V2Topics.agentIdOf("/zeek-agent/response/")).isNull();
        assertThat(V2Topics.agentIdOf("/other/H1")).isNull();
        assertThat(V2Topics.group("Linux")).isEqualTo("/zeek-agent/query/group/linux");
    }
}
