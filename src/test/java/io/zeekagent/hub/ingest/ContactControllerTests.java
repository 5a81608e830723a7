package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link ContactController}. */
@WebMvcTest(ContactController.class)
@Import(ApiKeyTestConfiguration.class)
class ContactControllerTests {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SocketEventSearch search;

    @Test
    void answersOneRowPerHostAndProcessThatContactedTheAddress() {
        List<String> forms = List.of("2001:db8::1");
        given(search.contacts(forms, T0, T0.plusSeconds(3600), 0, 20))
                .willReturn(List.of(new ContactResponse("h1", 10L, "/usr/bin/curl", 1000L, T0, T0, 1)));
        given(search.countContacts(forms, T0, T0.plusSeconds(3600))).willReturn(1L);

        assertThat(mvc.get()
                        .uri("/api/v1/contacts?address=2001:db8::1&from=2026-11-30T00:00:00Z&to=2026-11-30T01:00:00Z"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"content\":[{\"hostId\":\"h1\",\"pid\":10,\"events\":1}],\"totalElements\":1}");
    }

    @Test
    void aMissingOrInvalidAddressOrAnEmptyRangeIs400() {
        assertThat(mvc.get().uri("/api/v1/contacts")).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/contacts?address=not-an-ip"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("address");
        assertThat(mvc.get().uri("/api/v1/contacts?address=10.0.0.1&from=2026-11-30T01:00:00Z&to=2026-11-30T00:00:00Z"))
                .hasStatus(400);
    }
}
