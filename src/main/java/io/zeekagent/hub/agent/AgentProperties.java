package io.zeekagent.hub.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the v1 agent protocol ({@code hub.agent.*}).
 *
 * @param endpointName the hub's endpoint name: agents send rows to {@code <topicPrefix>/zeek/<endpointName>}
 * @param topicPrefix the prefix of every v1 topic, as the seed's {@code TopicPrefix}
 * @param reconnectGrace after a hub start, how long agents get to resubscribe before the v1 hosts still marked
 *     ONLINE but absent from the proxy are marked OFFLINE
 */
@Validated
@ConfigurationProperties("hub.agent")
record AgentProperties(
        @DefaultValue("ZeekMaster") @NotBlank @Pattern(regexp = "[^/\\s]+")
        String endpointName,

        @DefaultValue("/zeek/zeek-agent") @NotBlank String topicPrefix,
        @DefaultValue("30s") @NotNull Duration reconnectGrace) {

    AgentTopics topics() {
        return new AgentTopics(topicPrefix, endpointName);
    }
}
