package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden broker-bin-v1 and broker-json-v1 payloads of the three events of the wire contract, written by hand from
 * the format rules (broker-zeromq.md §2–§3), not produced by the codec under test.
 */
class ZeekWireTests {

    /** Envelope {@code [count 1, count 1, [name, args]]} up to the name: vector(3), count 1, count 1, vector(2). */
    private static final String ENVELOPE = "0e03 020000000000000001 020000000000000001 0e02";

    static final AttributeRequest REQUEST = new AttributeRequest(
            7,
            "zeek-agent-hub.node.Z1.",
            "CHhAvVGS1DHFjwGM9",
            1_795_996_800_250_000_000L,
            AddressValue.parse("10.0.0.1"),
            new PortValue(50000, PortProtocol.TCP),
            AddressValue.parse("10.0.0.2"),
            new PortValue(443, PortProtocol.TCP));

    static final String REQUEST_HEX = ENVELOPE
            + "051f 5a65656b4167656e744875623a3a6174747269627574655f72657175657374" // "ZeekAgentHub::attribute_request"
            + "0e08" // 8 arguments
            + "02 0000000000000007" // req_id: count 7
            + "0517 7a65656b2d6167656e742d6875622e6e6f64652e5a312e" // inbox "zeek-agent-hub.node.Z1."
            + "0511 4348684176564753314448466a77474d39" // uid "CHhAvVGS1DHFjwGM9"
            + "09 18eca99300a3b280" // ts: 2026-11-30T00:00:00.25Z in ns
            + "06 00000000000000000000ffff0a000001" // orig_h 10.0.0.1, IPv4-mapped
            + "08 c350 01" // orig_p 50000/tcp
            + "06 00000000000000000000ffff0a000002" // resp_h 10.0.0.2
            + "08 01bb 01"; // resp_p 443/tcp

    static final AttributeAnswer ANSWER = new AttributeAnswer(
            List.of(new ZeekMatch("S3kTq0n7RzW1Yb9XcP", "host-1", 4242L, "/usr/bin/curl")),
            List.of(new ZeekMatch("Sabc", "host-2", null, null)),
            true);

    static final String RESPONSE_HEX = ENVELOPE
            + "0520 5a65656b4167656e744875623a3a6174747269627574655f726573706f6e7365" // "…::attribute_response"
            + "0e04" // 4 arguments
            + "02 0000000000000007" // req_id
            + "0e01" // orig: vector of 1 Match
            + "0e04 0512 53336b5471306e37527a5731596239586350 0506 686f73742d31" // seuid, host_id
            + "02 0000000000001092 050d 2f7573722f62696e2f6375726c" // pid 4242, process "/usr/bin/curl"
            + "0e01" // resp: vector of 1 Match
            + "0e04 0504 53616263 0506 686f73742d32 00 00" // seuid, host_id, pid unset, process unset
            + "01 01"; // complete: T

    static final String HELLO_HEX = ENVELOPE
            + "0517 5a65656b4167656e744875623a3a6875625f68656c6c6f" // "ZeekAgentHub::hub_hello"
            + "0e03"
            + "050c 7a65726f6d715f6875625f78" // hub_id "zeromq_hub_x"
            + "0505 312e302e30" // version "1.0.0"
            + "0a 000000012a05f200"; // every: 5 s in ns

    private static final String JSON_ENVELOPE =
            "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\","
                    + "\"data\":1},{\"@data-type\":\"vector\",\"data\":[";

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void requestDecodesFromGoldenBinV1Bytes() {
        ZeekEvent event = EventCodec.BIN_V1.decode(bytes(REQUEST_HEX));

        assertThat(AttributeRequest.from(event)).isEqualTo(REQUEST);
        assertThat(EventCodec.BIN_V1.encode(REQUEST.toEvent())).isEqualTo(bytes(REQUEST_HEX));
    }

    @Test
    void responseWithUnsetOptionalsEncodesToGoldenBinV1Bytes() {
        assertThat(HexFormat.of().formatHex(EventCodec.BIN_V1.encode(ANSWER.toEvent(7))))
                .isEqualTo(RESPONSE_HEX.replace(" ", ""));
    }

    @Test
    void helloEncodesToGoldenBinV1Bytes() {
        ZeekEvent hello = HubHello.event("zeromq_hub_x", "1.0.0", Duration.ofSeconds(5));

        assertThat(HexFormat.of().formatHex(EventCodec.BIN_V1.encode(hello))).isEqualTo(HELLO_HEX.replace(" ", ""));
    }

    @Test
    void requestDecodesFromGoldenJsonV1() {
        String json = JSON_ENVELOPE
                + "{\"@data-type\":\"string\",\"data\":\"ZeekAgentHub::attribute_request\"},"
                + "{\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"count\",\"data\":7},"
                + "{\"@data-type\":\"string\",\"data\":\"zeek-agent-hub.node.Z1.\"},"
                + "{\"@data-type\":\"string\",\"data\":\"CHhAvVGS1DHFjwGM9\"},"
                + "{\"@data-type\":\"timestamp\",\"data\":\"2026-11-30T00:00:00.250\"},"
                + "{\"@data-type\":\"address\",\"data\":\"10.0.0.1\"},"
                + "{\"@data-type\":\"port\",\"data\":\"50000/tcp\"},"
                + "{\"@data-type\":\"address\",\"data\":\"10.0.0.2\"},"
                + "{\"@data-type\":\"port\",\"data\":\"443/tcp\"}]}]}]}";

        ZeekEvent event = EventCodec.JSON_V1.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(AttributeRequest.from(event)).isEqualTo(REQUEST);
        assertThat(new String(EventCodec.JSON_V1.encode(REQUEST.toEvent()), StandardCharsets.UTF_8))
                .isEqualTo(json);
    }

    @Test
    void responseWithUnsetOptionalsEncodesToGoldenJsonV1() {
        String expected = JSON_ENVELOPE
                + "{\"@data-type\":\"string\",\"data\":\"ZeekAgentHub::attribute_response\"},"
                + "{\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"count\",\"data\":7},"
                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"string\",\"data\":\"S3kTq0n7RzW1Yb9XcP\"},"
                + "{\"@data-type\":\"string\",\"data\":\"host-1\"},"
                + "{\"@data-type\":\"count\",\"data\":4242},"
                + "{\"@data-type\":\"string\",\"data\":\"/usr/bin/curl\"}]}]},"
                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"string\",\"data\":\"Sabc\"},"
                + "{\"@data-type\":\"string\",\"data\":\"host-2\"},"
                + "{\"@data-type\":\"none\",\"data\":{}},"
                + "{\"@data-type\":\"none\",\"data\":{}}]}]},"
                + "{\"@data-type\":\"boolean\",\"data\":true}]}]}]}";

        assertThat(new String(EventCodec.JSON_V1.encode(ANSWER.toEvent(7)), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void helloEncodesToGoldenJsonV1() {
        String expected = JSON_ENVELOPE
                + "{\"@data-type\":\"string\",\"data\":\"ZeekAgentHub::hub_hello\"},"
                + "{\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"string\",\"data\":\"zeromq_hub_x\"},"
                + "{\"@data-type\":\"string\",\"data\":\"1.0.0\"},"
                + "{\"@data-type\":\"timespan\",\"data\":\"5s\"}]}]}]}";

        ZeekEvent hello = HubHello.event("zeromq_hub_x", "1.0.0", Duration.ofSeconds(5));

        assertThat(new String(EventCodec.JSON_V1.encode(hello), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }
}
