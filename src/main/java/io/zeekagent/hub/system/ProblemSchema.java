package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one {@code Problem} schema (RFC 9457 plus the hub's extension members) that every documented error response
 * refers to, built as a model because Spring's {@code ProblemDetail} class documents neither {@code errors[]} nor the
 * type URNs.
 */
public final class ProblemSchema {

    /** The component name. */
    public static final String NAME = "Problem";

    /** {@code $ref} to the component. */
    public static final String REF = "#/components/schemas/" + NAME;

    /** The media type of every error body. */
    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemSchema() {}

    /** A response content of {@code application/problem+json} with a {@code $ref} to {@link #NAME}. */
    public static Content content() {
        return new Content().addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(REF)));
    }

    static Schema<Object> problem() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:zeek-agent-hub:problem:validation-failed");
        example.put("title", "Validation failed");
        example.put("status", 400);
        example.put("detail", "query: must not be blank");
        example.put("errors", List.of(Map.of("field", "query", "message", "must not be blank")));
        Schema<Object> problem = object("An RFC 9457 problem; branch on type, show title and detail.")
                .addProperty(
                        "type",
                        string("Stable URN naming the kind of problem")
                                .format("uri")
                                ._enum(List.copyOf(ProblemTypes.uris())))
                .addProperty("title", string("Short human summary of the kind of problem"))
                .addProperty("status", typed("integer", "The HTTP status code").format("int32"))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("The request path, when known").format("uri-reference"))
                .addProperty(
                        "errors",
                        typed("array", "Validation problems, one per field (400 only)")
                                .items(object("One invalid field")
                                        .addProperty("field", string("The field or parameter, e.g. hosts[0]"))
                                        .addProperty("message", string("What is wrong with it"))
                                        .required(List.of("field", "message"))))
                .addProperty(
                        "requiredRole",
                        string("The role the operation needs (403 only)")._enum(List.of("reader", "operator", "admin")))
                .addProperty(
                        "retryAfterSeconds",
                        typed("integer", "Seconds to wait before retrying (429 and 503)")
                                .format("int32"));
        problem.required(List.of("type", "title", "status"));
        problem.example(example);
        return problem;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<Object> typed(String type, String description) {
        Schema schema = new Schema<>();
        schema.type(type);
        schema.types(Set.of(type));
        schema.description(description);
        return schema;
    }

    private static Schema<Object> object(String description) {
        return typed("object", description);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema string(String description) {
        return typed("string", description);
    }
}
