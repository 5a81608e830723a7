package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link NdjsonEnricher}. */
class NdjsonEnricherTests {

    private final NdjsonEnricher enricher = new NdjsonEnricher(EnricherFixtures.index());

    private String[] enrich(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        enricher.enrich(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void appendsSeuidsAndCommunityIdKeepingEveryFieldInOrderAndText() throws IOException {
        String line = "{\"ts\":1795996800.250000,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\",\"service\":\"ssl\","
                + "\"conn_state\":\"SF\",\"history\":[\"S\",\"h\"]}";
        String[] out = enrich(line + "\n");
        assertThat(out).hasSize(1);
        assertThat(out[0])
                .startsWith(line.substring(0, line.length() - 1) + ",")
                .endsWith(",\"orig_seuids\":[\"" + EnricherFixtures.CONNECT + "\"],\"resp_seuids\":[\""
                        + EnricherFixtures.BIND + "\"],\"community_id\":\"" + communityId()
                        + "\",\"attribution_tier\":\"memory\",\"attribution_complete\":false}");
    }

    @Test
    void saysTheAnswerIsCompleteForARecentConnectionMemoryHolds() throws IOException {
        String[] out = enrich("{\"id.orig_h\":\"192.0.2.1\",\"id.orig_p\":1,\"id.resp_h\":\"192.0.2.2\","
                + "\"id.resp_p\":2,\"proto\":\"udp\",\"ts\":\"" + java.time.Instant.now() + "\"}");
        assertThat(out[0]).endsWith(",\"attribution_tier\":\"none\",\"attribution_complete\":true}");
    }

    private static String communityId() {
        return new CommunityId(0).of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50000, 443);
    }

    @Test
    void readsTheNestedIdForm() throws IOException {
        String[] out = enrich("{\"id\":{\"orig_h\":\"10.0.0.1\",\"orig_p\":50000,\"resp_h\":\"10.0.0.2\","
                + "\"resp_p\":443},\"proto\":\"tcp\",\"ts\":\"2026-11-30T00:00:01Z\"}\n");
        assertThat(out[0]).contains("\"orig_seuids\":[\"" + EnricherFixtures.CONNECT + "\"]");
    }

    @Test
    void writesEmptyArraysForUnknownHosts() throws IOException {
        String[] out = enrich("{\"id.orig_h\":\"192.0.2.1\",\"id.orig_p\":1,\"id.resp_h\":\"192.0.2.2\","
                + "\"id.resp_p\":2,\"proto\":\"udp\"}");
        assertThat(out[0]).contains("\"orig_seuids\":[],\"resp_seuids\":[],\"community_id\":\"1:");
    }

    @Test
    void reportsMalformedLinesAndProcessesTheRest() throws IOException {
        String good = "{\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443}";
        String[] out = enrich(good + "\n{\"id.orig_h\": oops}\n\n[1,2]\n" + good + "\r\n");
        assertThat(out).hasSize(4);
        assertThat(out[0]).contains(EnricherFixtures.CONNECT);
        assertThat(out[1]).startsWith("{\"_line\":2,\"_error\":\"").contains("\"_raw\":\"{\\\"id.orig_h\\\": oops}\"");
        assertThat(out[2]).startsWith("{\"_line\":4,\"_error\":\"not a JSON object\"");
        assertThat(out[3]).contains(EnricherFixtures.CONNECT);
    }

    @Test
    void keepsRecordsWithInvalidFieldsAndSaysWhy() throws IOException {
        String[] out = enrich("{\"uid\":\"C9\",\"id.orig_h\":\"10.0.0.999\",\"id.orig_p\":70000,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443}\n");
        assertThat(out[0])
                .startsWith("{\"uid\":\"C9\",")
                .contains("\"_error\":\"id.orig_h: '10.0.0.999' is not an IP address; id.orig_p: '70000' is not a"
                        + " port (0-65535)\"");
    }
}
