package io.zeekagent.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link DeliveryController}. */
@WebMvcTest(DeliveryController.class)
@Import(ApiKeyTestConfiguration.class)
class DeliveryControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DispatchService dispatch;

    @Test
    void showsPerHostWhatWasSentAndWhen() {
        var d = new DeliveryResponse(
                "s1",
                "h1",
                2,
                DeliveryState.SUBSCRIBED,
                Instant.parse("2026-11-30T00:00:02Z"),
                "missing",
                "zeromq-v1",
                "ZeekAgent::query_result",
                "SELECT pid FROM processes",
                "ADDED",
                10);
        given(dispatch.deliveries("s1", 0, 20)).willReturn(new PageResponse<>(List.of(d), 0, 20, 1, 1));

        var result = mvc.get().uri("/api/v1/subscriptions/s1/deliveries");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.content[0].state").isEqualTo("SUBSCRIBED");
        assertThat(result).bodyJson().extractingPath("$.content[0].sentAt").isEqualTo("2026-11-30T00:00:02Z");
        assertThat(result).bodyJson().extractingPath("$.content[0].version").isEqualTo(2);
    }

    @Test
    void answersNotFoundForAnUnknownSubscription() {
        given(dispatch.deliveries("nope", 0, 20)).willThrow(NotFoundException.of("subscription", "nope"));

        var result = mvc.get().uri("/api/v1/subscriptions/nope/deliveries");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).headers().hasValue("Content-Type", "application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Subscription not found");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No subscription 'nope'");
    }
}
