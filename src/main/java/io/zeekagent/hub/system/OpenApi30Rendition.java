package io.zeekagent.hub.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the OpenAPI 3.1 document springdoc generates into OpenAPI 3.0.3, for importers that stop at 3.0: JSON
 * Schema 2020-12 type arrays become {@code nullable}, {@code examples} arrays become one {@code example}, numeric
 * exclusive bounds become boolean ones, {@code $ref} siblings move under {@code allOf}, 3.1-only members go.
 */
final class OpenApi30Rendition {

    private static final List<String> DROPPED_SCHEMA_MEMBERS = List.of(
            "$schema",
            "$id",
            "$comment",
            "$defs",
            "contentMediaType",
            "contentEncoding",
            "unevaluatedProperties",
            "unevaluatedItems",
            "prefixItems",
            "dependentRequired",
            "dependentSchemas",
            "propertyNames",
            "patternProperties",
            "if",
            "then",
            "else");

    private OpenApi30Rendition() {}

    /** A converted deep copy; {@code openApi31} is not changed. */
    static ObjectNode convert(ObjectNode openApi31) {
        ObjectNode doc = openApi31.deepCopy();
        doc.put("openapi", "3.0.3");
        doc.remove(List.of("webhooks", "jsonSchemaDialect"));
        if (doc.get("info") instanceof ObjectNode info) {
            info.remove("summary");
            if (info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
        }
        if (doc.get("components") instanceof ObjectNode components) {
            components.remove("pathItems");
            eachValue(components.get("schemas"), OpenApi30Rendition::schema);
            eachValue(components.get("parameters"), OpenApi30Rendition::parameter);
            eachValue(components.get("responses"), OpenApi30Rendition::response);
            eachValue(components.get("requestBodies"), OpenApi30Rendition::content);
            eachValue(components.get("headers"), OpenApi30Rendition::parameter);
        }
        eachValue(doc.get("paths"), pathItem -> {
            eachElement(pathItem.get("parameters"), OpenApi30Rendition::parameter);
            for (Map.Entry<String, JsonNode> op : pathItem.properties()) {
                if (op.getValue().isObject() && !op.getKey().equals("parameters")) {
                    eachElement(op.getValue().get("parameters"), OpenApi30Rendition::parameter);
                    content(op.getValue().get("requestBody"));
                    eachValue(op.getValue().get("responses"), OpenApi30Rendition::response);
                }
            }
        });
        return doc;
    }

    private static void parameter(JsonNode parameter) {
        schema(parameter.get("schema"));
        content(parameter);
    }

    private static void response(JsonNode response) {
        content(response);
        eachValue(response.get("headers"), OpenApi30Rendition::parameter);
    }

    private static void content(@Nullable JsonNode holder) {
        if (holder != null) {
            eachValue(holder.get("content"), media -> schema(media.get("schema")));
        }
    }

    static void schema(@Nullable JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type instanceof ArrayNode types) {
            List<String> concrete = new ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : types) {
                if ("null".equals(t.asString())) {
                    nullable = true;
                } else {
                    concrete.add(t.asString());
                }
            }
            schema.remove("type");
            if (concrete.size() == 1) {
                schema.put("type", concrete.get(0));
            } else if (concrete.size() > 1) {
                ArrayNode anyOf = schema.putArray("anyOf");
                concrete.forEach(t -> anyOf.addObject().put("type", t));
            }
            if (nullable) {
                schema.put("nullable", true);
            }
        } else if (type != null && "null".equals(type.asString())) {
            schema.remove("type");
            schema.put("nullable", true);
        }
        nullAlternative(schema, "oneOf");
        nullAlternative(schema, "anyOf");
        if (schema.has("nullable") && !schema.has("type")) {
            // 3.0 wants a type beside nullable; the nullable alternatives here are objects or strings.
            schema.put("type", schema.has("anyOf") ? "string" : "object");
        }
        if (schema.get("examples") instanceof ArrayNode examples) {
            schema.remove("examples");
            if (!examples.isEmpty() && !schema.has("example")) {
                schema.set("example", examples.get(0));
            }
        }
        if (schema.has("const")) {
            schema.putArray("enum").add(schema.remove("const"));
        }
        exclusiveBound(schema, "exclusiveMinimum", "minimum");
        exclusiveBound(schema, "exclusiveMaximum", "maximum");
        schema.remove(DROPPED_SCHEMA_MEMBERS);
        if (schema.has("$ref") && schema.size() > 1) {
            JsonNode ref = schema.remove("$ref");
            schema.putArray("allOf").addObject().set("$ref", ref);
        }
        eachValue(schema.get("properties"), OpenApi30Rendition::schema);
        schema(schema.get("items"));
        schema(schema.get("additionalProperties"));
        schema(schema.get("not"));
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            eachElement(schema.get(composite), OpenApi30Rendition::schema);
        }
    }

    /** {@code oneOf: [X, {type: null}]} is 3.1's nullable X; 3.0 says {@code oneOf: [X], nullable: true}. */
    private static void nullAlternative(ObjectNode schema, String composite) {
        if (schema.get(composite) instanceof ArrayNode alternatives) {
            for (int i = alternatives.size() - 1; i >= 0; i--) {
                JsonNode t = alternatives.get(i).get("type");
                if (t != null
                        && "null".equals(t.asString())
                        && alternatives.get(i).size() == 1) {
                    alternatives.remove(i);
                    schema.put("nullable", true);
                }
            }
            if (alternatives.size() == 1) {
                schema.remove(composite);
                schema.set("allOf", alternatives);
            }
        }
    }

    private static void exclusiveBound(ObjectNode schema, String exclusive, String inclusive) {
        JsonNode bound = schema.get(exclusive);
        if (bound != null && bound.isNumber()) {
            schema.set(inclusive, bound);
            schema.put(exclusive, true);
        }
    }

    static void eachValue(@Nullable JsonNode node, java.util.function.Consumer<JsonNode> action) {
        if (node != null && node.isObject()) {
            node.values().forEach(action);
        }
    }

    static void eachElement(@Nullable JsonNode node, java.util.function.Consumer<JsonNode> action) {
        if (node != null && node.isArray()) {
            node.values().forEach(action);
        }
    }
}
