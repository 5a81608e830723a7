package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Tests for the whole REST surface under hostile input: every operation of the OpenAPI document gets malformed,
 * oversized and malicious input from {@link HttpFuzzer}, authenticated as an admin so that the requests reach the
 * controllers instead of stopping at a 401; none may answer 5xx, and every 4xx must be a problem+json body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1",
            "hub.http.max-body-size=1MB",
        })
@Import(ApiKeyTestConfiguration.class)
class HttpFuzzIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void noRequestOfTheCampaignGetsA5xx() throws Exception {
        HttpFuzzer fuzzer =
                new HttpFuzzer("http://127.0.0.1:" + port, Map.of(TestApiKeys.HEADER, TestApiKeys.ADMIN), 1024 * 1024);
        fuzzer.fuzzAll();
        BenchReport.figure(
                "hostile HTTP requests, 5xx or non-problem answers",
                fuzzer.failures().size(),
                "requests",
                "requests tried",
                fuzzer.tried(),
                "0",
                fuzzer.failures().isEmpty());
        assertThat(fuzzer.tried()).isGreaterThan(0);
        assertThat(fuzzer.failures()).isEmpty();
    }
}
