package io.zeekagent.hub.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the v1 agent protocol ({@code hub.agent.*}).
 *
 * @param endpointName the hub's endpoint name: agents send rows to {@code <topicPrefix>/zeek/<endpointName>}
 * @param topicPrefix the prefix of every v1 topic, as the seed's {@code TopicPrefix}
 */
@Validated
@ConfigurationProperties("hub.agent")
record AgentProperties(
        @DefaultValue("ZeekMaster") @NotBlank @Pattern(regexp = "[^/\\s]+")
        String endpointName,

        @DefaultValue("/zeek/zeek-agent") @NotBlank String topicPrefix) {

    AgentTopics topics() {
        return new AgentTopics(topicPrefix, endpointName);
    }
}
