package io.zeekagent.hub.security;

import java.io.UnsupportedEncodingException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** Creates real stored keys through the API for the integration tests. */
final class TestKeys {

    private TestKeys() {}

    static String reader(MockMvcTester mvc, String name) {
        return create(mvc, name, Role.READER);
    }

    static String create(MockMvcTester mvc, String name, Role role) {
        var result = mvc.post()
                .uri("/api/v1/api-keys")
                .header("X-API-Key", SecurityIntegrationTest.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"role\":\"" + role.value() + "\"}")
                .exchange();
        try {
            return JsonMapper.shared()
                    .readTree(result.getResponse().getContentAsString())
                    .get("key")
                    .asString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
