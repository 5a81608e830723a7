package io.zeekagent.hub.attribution;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The typed request body of {@code POST /api/v1/attributions}: {@code ConnRecord} is one of a flat Zeek conn.log
 * record ({@code id.orig_h}...), the same with a nested {@code id} object, or a Suricata EVE record ({@code
 * src_ip}...). The controller parses bytes by hand for speed, so the schema is declared here rather than derived.
 */
@Component
class ConnRecordSchemas implements OpenApiCustomizer {

    static final String NAME = "ConnRecord";
    static final String REF = "#/components/schemas/" + NAME;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            return;
        }
        openApi.getComponents()
                .addSchemas("ConnId", connId())
                .addSchemas("FlatConnRecord", flat())
                .addSchemas("NestedConnRecord", nested())
                .addSchemas("EveConnRecord", eve())
                .addSchemas("CommunityIdRecord", byCommunityId())
                .addSchemas(
                        NAME,
                        typed(
                                        null,
                                        "A connection to attribute: a Zeek conn.log record, flat (`id.orig_h`) or nested "
                                                + "(`id: {orig_h}`), a Suricata EVE record (`src_ip`), or a Community ID"
                                                + " alone for a flow the hub has seen. Other fields are ignored.")
                                .oneOf(List.of(
                                        ref("FlatConnRecord"),
                                        ref("NestedConnRecord"),
                                        ref("EveConnRecord"),
                                        ref("CommunityIdRecord"))));
    }

    private static Schema<Object> flat() {
        Schema<Object> s = common("A conn.log record with Zeek's flat field names (zeek JSON logs)");
        s.addProperty("id.orig_h", address("Originator address"));
        s.addProperty("id.orig_p", port("Originator port"));
        s.addProperty("id.resp_h", address("Responder address"));
        s.addProperty("id.resp_p", port("Responder port"));
        s.required(List.of("id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p"));
        s.example(Map.of(
                "uid", "CHhAvVGS1DHFjwGM9",
                "ts", 1795996800.25,
                "id.orig_h", "10.0.0.1",
                "id.orig_p", 50000,
                "id.resp_h", "10.0.0.2",
                "id.resp_p", 443,
                "proto", "tcp"));
        return s;
    }

    private static Schema<Object> nested() {
        Schema<Object> s = common("A conn.log record with the connection id as a nested object");
        s.addProperty("id", ref("ConnId"));
        s.required(List.of("id"));
        return s;
    }

    private static Schema<Object> connId() {
        Schema<Object> s = typed("object", "The connection's 4-tuple (Zeek's conn_id)");
        s.addProperty("orig_h", address("Originator address"));
        s.addProperty("orig_p", port("Originator port"));
        s.addProperty("resp_h", address("Responder address"));
        s.addProperty("resp_p", port("Responder port"));
        s.required(List.of("orig_h", "orig_p", "resp_h", "resp_p"));
        return s;
    }

    private static Schema<Object> eve() {
        Schema<Object> s = typed("object", "A Suricata EVE record (alert, flow...): the source is the originator");
        s.addProperty("src_ip", address("Source (originator) address"));
        s.addProperty("src_port", port("Source port"));
        s.addProperty("dest_ip", address("Destination (responder) address"));
        s.addProperty("dest_port", port("Destination port"));
        s.addProperty("proto", typed("string", "Transport, any case").example("TCP"));
        s.addProperty(
                "timestamp",
                typed("string", "When the packet was seen (Suricata's ISO-8601 with offset)")
                        .example("2026-11-30T00:00:00.250000+0000"));
        s.addProperty("community_id", typed("string", "Community ID v1, if Suricata computed it"));
        s.required(List.of("src_ip", "src_port", "dest_ip", "dest_port"));
        return s;
    }

    private static Schema<Object> byCommunityId() {
        Schema<Object> s = typed(
                "object",
                "A flow named only by its Community ID v1 (seed 0), as Zeek, Suricata or a SIEM carry it. Answers for"
                        + " a flow the hub has seen with its addresses and ports (a single record, a batch, a live Zeek"
                        + " request) within `hub.attribution.community-ids.ttl`; otherwise a 200 with empty matches,"
                        + " `complete: false` and `incomplete: [community-id-unknown]`.");
        Schema<Object> id = typed("string", "Community ID v1: `1:` and the base64 of the 20-byte SHA-1")
                .example("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        id.setPattern("^1:[A-Za-z0-9+/]{27}=$");
        s.addProperty("community_id", id);
        s.addProperty(
                "ts",
                typed("number", "Connection start, epoch seconds (or ISO-8601); default: when the hub saw the flow")
                        .example(1795996800.25));
        s.addProperty("uid", typed("string", "Zeek's connection uid, echoed").example("CHhAvVGS1DHFjwGM9"));
        s.required(List.of("community_id"));
        s.example(Map.of("community_id", "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "ts", 1795996800.25));
        return s;
    }

    private static Schema<Object> common(String description) {
        Schema<Object> s = typed("object", description);
        s.addProperty("ts", typed("number", "Connection start, epoch seconds").example(1795996800.25));
        s.addProperty("uid", typed("string", "Zeek's connection uid").example("CHhAvVGS1DHFjwGM9"));
        s.addProperty(
                "proto",
                typed("string", "Transport protocol")._enum(List.of("tcp", "udp", "icmp", "unknown_transport")));
        // No community_id here: a record with a 5-tuple is attributed by it (a community_id in it is ignored), and
        // leaving the field to CommunityIdRecord alone keeps the oneOf branches mutually exclusive for importers.
        return s;
    }

    private static Schema<Object> address(String description) {
        return typed("string", description + " (IPv4 or IPv6)").example("10.0.0.1");
    }

    private static Schema<Object> port(String description) {
        Schema<Object> s = typed("integer", description).example(443);
        s.setMinimum(BigDecimal.ZERO);
        s.setMaximum(BigDecimal.valueOf(65535));
        return s;
    }

    private static Schema<Object> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<Object> typed(@org.jspecify.annotations.Nullable String type, String description) {
        Schema schema = new Schema<>();
        if (type != null) {
            schema.type(type);
            schema.types(Set.of(type));
        }
        schema.description(description);
        return schema;
    }
}
