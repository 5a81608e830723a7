package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Tests for {@link KafkaClusterConfiguration}'s startup check. */
class KafkaClusterConfigurationTests {

    @Test
    void refusesTheKafkaEngineWithoutPostgres() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/hub")
                .withProperty("spring.kafka.bootstrap-servers", "localhost:9092");

        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClusterConfiguration.check(env))
                .withMessageContaining("'postgres' profile");
    }

    @Test
    void refusesTheKafkaEngineWithoutBootstrapServers() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("postgres");

        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClusterConfiguration.check(env))
                .withMessageContaining("spring.kafka.bootstrap-servers");
    }

    @Test
    void acceptsAPostgresDatasourceAndBootstrapServers() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test")
                .withProperty("spring.kafka.bootstrap-servers", "localhost:9092");

        assertThatCode(() -> KafkaClusterConfiguration.check(env)).doesNotThrowAnyException();
    }
}
