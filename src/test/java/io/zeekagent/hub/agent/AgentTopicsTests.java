package io.zeekagent.hub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link AgentTopics}. */
class AgentTopicsTests {

    private final AgentTopics topics = new AgentTopics("/zeek/zeek-agent", "ZeekMaster");

    @Test
    void namesTheTopicsOfDesign5() {
        assertThat(topics.announce()).isEqualTo("/zeek/zeek-agent/host_announce");
        assertThat(topics.allHosts()).isEqualTo("/zeek/zeek-agent/hosts");
        assertThat(topics.host("abc")).isEqualTo("/zeek/zeek-agent/host/abc");
        assertThat(topics.group("dmz")).isEqualTo("/zeek/zeek-agent/group/dmz");
        assertThat(topics.results()).isEqualTo("/zeek/zeek-agent/zeek/ZeekMaster");
    }

    @Test
    void extractsHostIdsOnlyFromIndividualHostTopics() {
        assertThat(topics.hostIdOf("/zeek/zeek-agent/host/abc")).isEqualTo("abc");
        assertThat(topics.hostIdOf("/zeek/zeek-agent/host/")).isNull();
        assertThat(topics.hostIdOf("/zeek/zeek-agent/hosts")).isNull();
        assertThat(topics.hostIdOf("/zeek/zeek-agent/host_announce")).isNull();
        assertThat(topics.hostIdOf("/zeek/zeek-agent/group/abc")).isNull();
    }
}
