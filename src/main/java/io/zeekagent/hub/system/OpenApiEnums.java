package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The value sets of fields that travel as plain strings or numbers (the wire formats stay tolerant: an agent may
 * send a syscall the hub does not know) but that clients branch on, declared as {@code enum} in the document. Keys
 * are {@code Schema.property} or a bare property or query-parameter name that means the same everywhere.
 */
final class OpenApiEnums {

    static final Map<String, List<?>> VALUES = Map.ofEntries(
            Map.entry("syscall", List.of("connect", "bind")),
            Map.entry("family", List.of(2, 10)),
            Map.entry("protocol", List.of("tcp", "udp", "icmp")),
            Map.entry("transport", List.of("zeromq-v1", "websocket-v2")),
            Map.entry("updateType", List.of("ADDED", "REMOVED", "BOTH")),
            Map.entry("level", List.of("debug", "info", "warning", "error")),
            Map.entry("source", List.of("local", "host", "audit")),
            Map.entry("HostAnswer.state", List.of("PENDING", "ANSWERED", "FAILED", "NOT_SENT")));

    private OpenApiEnums() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void declare(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                Map<String, Schema> properties = schema.getProperties();
                if (properties != null) {
                    properties.forEach((property, s) -> {
                        List<?> values = VALUES.getOrDefault(name + "." + property, VALUES.get(property));
                        if (values != null
                                && s.get$ref() == null
                                && (s.getEnum() == null || s.getEnum().isEmpty())) {
                            s.setEnum(List.copyOf(values));
                        }
                    });
                }
            });
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(op -> {
                        if (op.getParameters() != null) {
                            for (Parameter p : op.getParameters()) {
                                List<?> values = VALUES.get(p.getName());
                                Schema s = p.getSchema();
                                if (values != null
                                        && s != null
                                        && (s.getEnum() == null || s.getEnum().isEmpty())) {
                                    s.setEnum(List.copyOf(values));
                                }
                            }
                        }
                    }));
        }
    }
}
