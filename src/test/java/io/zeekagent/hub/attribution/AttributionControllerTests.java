package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link AttributionController} over a real, small index. */
@WebMvcTest(AttributionController.class)
@Import({AttributionControllerTests.Fixture.class, ApiKeyTestConfiguration.class})
class AttributionControllerTests {

    @TestConfiguration
    static class Fixture {
        @Bean
        UserNames userNames() {
            UserNames users = new UserNames();
            users.learn("client", List.of("name", "uid", "home"), new Object[] {"alice", "1000", "/home/alice"}, false);
            return users;
        }

        @Bean
        AttributionService attributionService(UserNames users) {
            AttributionService service =
                    new AttributionService(EnricherFixtures.index(), new FlowMemory(100, Duration.ofHours(1)), users);
            service.markReady();
            return service;
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void attributesAFlatRecordWithDetails() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uid\":\"C1\",\"ts\":1795996800.5,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,"
                                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\",\"duration\":1.2}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"uid": "C1",
                         "community_id": "%s",
                         "orig_seuids": ["%s"], "resp_seuids": ["%s"],
                         "matches": [
                           {"side": "resp", "seuid": "%3$s", "hostId": "server", "hostname": "server.lan",
                            "pid": 1, "exe": "/usr/sbin/nginx", "uid": 0, "syscall": "bind",
                            "time": "2026-11-29T23:00:00Z"},
                           {"side": "orig", "seuid": "%2$s", "hostId": "client", "hostname": "client.lan",
                            "pid": 7, "exe": "/usr/bin/curl", "uid": 1000, "syscall": "connect",
                            "time": "2026-11-30T00:00:00Z"}],
                         "tier": "memory", "complete": false, "incomplete": ["retention"]}
                        """.formatted(
                                new CommunityId(0).of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50000, 443),
                                EnricherFixtures.CONNECT,
                                EnricherFixtures.BIND));
    }

    @Test
    void attributesTheNestedFormAndIpv4MappedAddresses() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":{\"orig_h\":\"::ffff:10.0.0.1\",\"orig_p\":50000,\"resp_h\":\"10.0.0.2\","
                                + "\"resp_p\":443}}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.orig_seuids")
                .asArray()
                .containsExactly(EnricherFixtures.CONNECT);
    }

    @Test
    void answersEmptyArraysForUnknownAddresses() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id.orig_h\":\"192.0.2.1\",\"id.orig_p\":1,\"id.resp_h\":\"192.0.2.2\","
                                + "\"id.resp_p\":2}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"orig_seuids\":[],\"resp_seuids\":[],\"matches\":[],\"tier\":\"none\","
                        + "\"complete\":true,\"incomplete\":[]}");
    }

    @Test
    void rejectsInvalidAddressesAndPortsWithFieldErrors() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id.orig_h\":\"10.0.0.256\",\"id.orig_p\":-1,\"id.resp_h\":\"10.0.0.2\","
                                + "\"id.resp_p\":65536}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status": 400, "title": "Invalid connection record",
                         "type": "urn:zeek-agent-hub:problem:invalid-connection",
                         "errors": [
                           {"field": "id.orig_h", "message": "'10.0.0.256' is not an IP address"},
                           {"field": "id.orig_p", "message": "'-1' is not a port (0-65535)"},
                           {"field": "id.resp_p", "message": "'65536' is not a port (0-65535)"}]}
                        """);
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1]"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("body");
    }

    @Test
    void rejectsMalformedJsonAsTheOtherEndpointsDo() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id.orig_h\": oops}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"type\": \"urn:zeek-agent-hub:problem:malformed-json\", \"title\": \"Malformed JSON\"}");
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1,"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Malformed JSON: unexpected end of input");
    }

    @Test
    void enrichesNdjsonBatches() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions/batch")
                        .contentType(AttributionController.NDJSON)
                        .content(
                                "{\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":5,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443}\n"
                                        + "garbage\n"))
                .hasStatusOk()
                .hasContentType(AttributionController.NDJSON)
                .bodyText()
                .contains("\"orig_seuids\":[\"" + EnricherFixtures.CONNECT + "\"]")
                .contains("{\"_line\":2,");
    }

    @Test
    void enrichesTsvSentAsPlainText() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions/batch")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("#fields\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\n"
                                + "#types\taddr\tport\taddr\tport\n10.0.0.1\t5\t10.0.0.2\t443\n"))
                .hasStatusOk()
                .bodyText()
                .isEqualTo("#fields\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\torig_seuids\tresp_seuids"
                        + "\tattribution_tier\tattribution_complete\n"
                        + "#types\taddr\tport\taddr\tport\tset[string]\tset[string]\tstring\tbool\n"
                        + "10.0.0.1\t5\t10.0.0.2\t443\t" + EnricherFixtures.CONNECT + "\t" + EnricherFixtures.BIND
                        + "\tmemory\tT\n");
    }

    @Test
    void namesTheUserOfAMatchWhenItsHostReportedItsUsers() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ts\":1795996800.5,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,"
                                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\"}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"matches": [
                           {"side": "resp", "hostId": "server", "uid": 0, "user": null},
                           {"side": "orig", "hostId": "client", "uid": 1000, "user": "alice"}]}
                        """);
    }

    @Test
    void attributesACommunityIdAloneOnceASingleRecordShowedItsFlow() {
        String communityId = new CommunityId(0).of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50123, 443);
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"community_id\":\"" + communityId + "\",\"ts\":1795996800.5}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"orig_seuids\":[],\"matches\":[],\"tier\":\"none\",\"complete\":false,"
                        + "\"incomplete\":[\"community-id-unknown\"],\"community_id\":\"" + communityId + "\"}");
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"src_ip\":\"10.0.0.1\",\"src_port\":50123,\"dest_ip\":\"10.0.0.2\","
                                + "\"dest_port\":443,\"proto\":\"TCP\"}"))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uid\":\"C9\",\"community_id\":\"" + communityId + "\",\"ts\":1795996800.5}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"uid": "C9", "community_id": "%s", "orig_seuids": ["%s"], "resp_seuids": ["%s"],
                         "tier": "memory"}
                        """.formatted(communityId, EnricherFixtures.CONNECT, EnricherFixtures.BIND));
    }

    @Test
    void attributesACommunityIdAloneOnceABatchShowedItsFlow() {
        String communityId = new CommunityId(0).of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50777, 443);
        assertThat(mvc.post()
                        .uri("/api/v1/attributions/batch")
                        .contentType(AttributionController.NDJSON)
                        .content("{\"ts\":1795996800.5,\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50777,"
                                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\"}\n"))
                .hasStatusOk()
                .bodyText()
                .contains(communityId);
        // No ts: the time the flow was seen with stands in.
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"community_id\":\"" + communityId + "\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.orig_seuids")
                .asArray()
                .containsExactly(EnricherFixtures.CONNECT);
    }

    @Test
    void attributesACommunityIdAloneOnceATsvBatchShowedItsFlow() {
        String communityId = new CommunityId(0).of(CommunityId.UDP, "10.0.0.1", "10.0.0.2", 50999, 443);
        assertThat(mvc.post()
                        .uri("/api/v1/attributions/batch")
                        .contentType(MediaType.valueOf(AttributionController.TSV))
                        .content("#fields\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n"
                                + "#types\taddr\tport\taddr\tport\tenum\n10.0.0.1\t50999\t10.0.0.2\t443\tudp\n"))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"community_id\":\"" + communityId + "\",\"ts\":\"2026-11-30T00:00:00Z\"}"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"incomplete\": [\"retention\"], \"orig_seuids\": [\"" + EnricherFixtures.CONNECT + "\"]}");
    }

    @Test
    void rejectsACommunityIdThatIsNotVersionOneBase64() {
        for (String invalid : List.of("1:abc", "2:LQU9qZlK+B5F3KDmev6m5PMibrg=", "1:LQU9qZlK+B5F3KDmev6m5PMibr!=")) {
            assertThat(mvc.post()
                            .uri("/api/v1/attributions")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"community_id\":\"" + invalid + "\"}"))
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .isLenientlyEqualTo("""
                            {"type": "urn:zeek-agent-hub:problem:invalid-connection",
                             "errors": [{"field": "community_id"}]}
                            """);
        }
    }

    @Test
    void rejectsAnInvalidTimeBesideACommunityId() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"community_id\":\"1:LQU9qZlK+B5F3KDmev6m5PMibrg=\",\"ts\":\"yesterday\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("ts");
    }
}
