package io.zeekagent.hub.system;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the OpenAPI 3.0.3 rendition into Swagger 2.0 for the importers that read nothing newer (Cortex XSOAR's
 * code generator, Logic Apps and Sentinel custom connectors). Request bodies become {@code in: body} parameters,
 * schemas move to {@code definitions}, the bearer scheme becomes an {@code Authorization} header key, and what 2.0
 * cannot say ({@code oneOf}, {@code nullable}) is kept as {@code x-} extensions.
 */
final class Swagger20Rendition {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PARAMETER_SCHEMA_MEMBERS = List.of(
            "type",
            "format",
            "enum",
            "default",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "uniqueItems");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private Swagger20Rendition() {}

    static ObjectNode convert(ObjectNode openApi30) {
        ObjectNode doc = NODES.objectNode();
        doc.put("swagger", "2.0");
        doc.set("info", openApi30.get("info"));
        server(openApi30, doc);
        doc.putArray("consumes").add("application/json");
        doc.putArray("produces").add("application/json");
        ObjectNode paths = doc.putObject("paths");
        for (Map.Entry<String, JsonNode> path : openApi30.path("paths").properties()) {
            ObjectNode item = paths.putObject(path.getKey());
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    item.set(
                            op.getKey(),
                            operation(op.getValue(), path.getValue().get("parameters")));
                }
            }
        }
        ObjectNode definitions = doc.putObject("definitions");
        for (Map.Entry<String, JsonNode> schema :
                openApi30.path("components").path("schemas").properties()) {
            definitions.set(schema.getKey(), schema(schema.getValue()));
        }
        securityDefinitions(openApi30, doc);
        copy(openApi30, doc, "security");
        copy(openApi30, doc, "tags");
        copy(openApi30, doc, "externalDocs");
        openApi30.properties().stream()
                .filter(e -> e.getKey().startsWith("x-"))
                .forEach(e -> doc.set(e.getKey(), e.getValue()));
        return doc;
    }

    private static void server(ObjectNode openApi30, ObjectNode doc) {
        String url = openApi30.path("servers").path(0).path("url").asString("");
        if (url.startsWith("http://") || url.startsWith("https://")) {
            URI uri = URI.create(url);
            doc.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            String base = uri.getPath();
            doc.put("basePath", base == null || base.isEmpty() ? "/" : base);
            doc.putArray("schemes").add(uri.getScheme());
        } else if (url.startsWith("/") && url.length() > 1) {
            doc.put("basePath", url);
        }
    }

    private static ObjectNode operation(JsonNode op, @Nullable JsonNode pathParameters) {
        ObjectNode out = NODES.objectNode();
        for (String member : List.of("tags", "summary", "description", "operationId", "deprecated", "security")) {
            copy(op, out, member);
        }
        op.properties().stream()
                .filter(e -> e.getKey().startsWith("x-"))
                .forEach(e -> out.set(e.getKey(), e.getValue()));
        ArrayNode parameters = NODES.arrayNode();
        OpenApi30Rendition.eachElement(pathParameters, p -> parameters.add(parameter(p)));
        OpenApi30Rendition.eachElement(op.get("parameters"), p -> parameters.add(parameter(p)));
        JsonNode body = op.get("requestBody");
        if (body != null) {
            out.set("consumes", mediaTypes(body.get("content")));
            parameters.add(bodyParameter(body));
        }
        if (!parameters.isEmpty()) {
            out.set("parameters", parameters);
        }
        Set<String> produces = new LinkedHashSet<>();
        ObjectNode responses = out.putObject("responses");
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            response.getValue().path("content").propertyNames().forEach(produces::add);
            responses.set(response.getKey(), response(response.getValue()));
        }
        if (!produces.isEmpty()) {
            ArrayNode list = out.putArray("produces");
            produces.forEach(list::add);
        }
        return out;
    }

    private static ObjectNode parameter(JsonNode p) {
        ObjectNode out = NODES.objectNode();
        for (String member : List.of("name", "in", "description", "required")) {
            copy(p, out, member);
        }
        JsonNode schema = p.path("schema");
        if (schema.has("allOf") && !schema.has("type")) {
            schema = schema.path("allOf").path(0);
        }
        for (String member : PARAMETER_SCHEMA_MEMBERS) {
            copy(schema, out, member);
        }
        if (!out.has("type")) {
            out.put("type", "string");
        }
        if ("array".equals(out.path("type").asString())) {
            ObjectNode items = out.putObject("items");
            for (String member : PARAMETER_SCHEMA_MEMBERS) {
                copy(schema.path("items"), items, member);
            }
            if (!items.has("type")) {
                items.put("type", "string");
            }
            out.put("collectionFormat", "multi");
        }
        JsonNode example = p.has("example") ? p.get("example") : schema.get("example");
        if (example != null) {
            out.set("x-example", example);
        }
        return out;
    }

    private static ObjectNode bodyParameter(JsonNode body) {
        ObjectNode out = NODES.objectNode();
        out.put("in", "body");
        out.put("name", "body");
        out.put("description", body.path("description").asString("The request body"));
        out.put("required", body.path("required").asBoolean(false));
        JsonNode media = preferredMedia(body.get("content"));
        ObjectNode schema = media != null && media.has("schema")
                ? schema(media.get("schema"))
                : NODES.objectNode().put("type", "string");
        JsonNode example = example(media);
        if (example != null && !schema.has("example") && !schema.has("$ref") && fits(example, schema)) {
            schema.set("example", example);
        }
        out.set("schema", schema);
        return out;
    }

    private static ObjectNode response(JsonNode response) {
        ObjectNode out = NODES.objectNode();
        out.put("description", response.path("description").asString("Response"));
        JsonNode media = preferredMedia(response.get("content"));
        if (media != null && media.has("schema")) {
            out.set("schema", schema(media.get("schema")));
        }
        if (response.get("headers") instanceof ObjectNode headers) {
            ObjectNode outHeaders = out.putObject("headers");
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                ObjectNode h = outHeaders.putObject(header.getKey());
                copy(header.getValue(), h, "description");
                h.put("type", header.getValue().path("schema").path("type").asString("string"));
            }
        }
        return out;
    }

    /** The schema in 2.0 terms: refs into {@code definitions}, 3.0-only keywords as extensions. */
    static ObjectNode schema(JsonNode node) {
        ObjectNode schema = node.deepCopy() instanceof ObjectNode copy ? copy : NODES.objectNode();
        rewrite(schema);
        return schema;
    }

    private static void rewrite(@Nullable JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString()) {
            schema.put("$ref", ref.asString().replace("#/components/schemas/", "#/definitions/"));
        }
        if (schema.has("nullable")) {
            schema.set("x-nullable", schema.remove("nullable"));
        }
        if (schema.has("deprecated")) {
            schema.set("x-deprecated", schema.remove("deprecated"));
        }
        schema.remove(List.of("writeOnly", "discriminator"));
        for (String composite : List.of("oneOf", "anyOf")) {
            if (schema.get(composite) instanceof ArrayNode alternatives && primitives(alternatives)) {
                // string-or-number and the like: 2.0 has no union, so the schema stays untyped (any value).
                schema.remove(composite);
                schema.set("x-" + composite, alternatives);
            } else if (schema.has(composite)) {
                JsonNode alternatives = schema.remove(composite);
                OpenApi30Rendition.eachElement(alternatives, Swagger20Rendition::rewrite);
                schema.set("x-" + composite, alternatives);
                if (!schema.has("type")) {
                    schema.put("type", "object");
                }
            }
        }
        schema.remove("not");
        OpenApi30Rendition.eachValue(schema.get("properties"), Swagger20Rendition::rewrite);
        rewrite(schema.get("items"));
        rewrite(schema.get("additionalProperties"));
        OpenApi30Rendition.eachElement(schema.get("allOf"), Swagger20Rendition::rewrite);
    }

    private static boolean primitives(ArrayNode alternatives) {
        for (JsonNode a : alternatives) {
            if (a.size() != 1 || !a.has("type") || "object".equals(a.get("type").asString())) {
                return false;
            }
        }
        return !alternatives.isEmpty();
    }

    private static boolean fits(JsonNode example, ObjectNode schema) {
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "object" -> example.isObject();
            case "array" -> example.isArray();
            case "string" -> example.isString();
            default -> example.isValueNode();
        };
    }

    private static void securityDefinitions(ObjectNode openApi30, ObjectNode doc) {
        JsonNode schemes = openApi30.path("components").path("securitySchemes");
        if (!schemes.isObject() || schemes.isEmpty()) {
            return;
        }
        ObjectNode out = doc.putObject("securityDefinitions");
        for (Map.Entry<String, JsonNode> scheme : schemes.properties()) {
            JsonNode s = scheme.getValue();
            ObjectNode d = out.putObject(scheme.getKey());
            String type = s.path("type").asString("");
            if ("http".equals(type) && "basic".equalsIgnoreCase(s.path("scheme").asString(""))) {
                d.put("type", "basic");
            } else if ("http".equals(type)) {
                d.put("type", "apiKey").put("in", "header").put("name", "Authorization");
            } else {
                d.put("type", type);
                copy(s, d, "in");
                copy(s, d, "name");
            }
            copy(s, d, "description");
        }
    }

    private static @Nullable JsonNode preferredMedia(@Nullable JsonNode content) {
        if (content == null || !content.isObject() || content.isEmpty()) {
            return null;
        }
        for (String type : List.of("application/json", ProblemSchema.MEDIA_TYPE)) {
            if (content.has(type)) {
                return content.get(type);
            }
        }
        return content.values().iterator().next();
    }

    private static @Nullable JsonNode example(@Nullable JsonNode media) {
        if (media == null) {
            return null;
        }
        if (media.has("example")) {
            return media.get("example");
        }
        JsonNode first = media.path("examples").values().stream().findFirst().orElse(null);
        return first == null ? null : first.get("value");
    }

    private static ArrayNode mediaTypes(@Nullable JsonNode content) {
        ArrayNode list = NODES.arrayNode();
        if (content != null) {
            content.propertyNames().forEach(list::add);
        }
        return list;
    }

    private static void copy(JsonNode from, ObjectNode to, String member) {
        JsonNode value = from.get(member);
        if (value != null && !value.isMissingNode()) {
            to.set(member, value);
        }
    }
}
