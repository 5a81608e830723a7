package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The cross-cutting part of the API contract, applied to every operation so controllers only declare what is
 * specific to them: error responses that the filters and the advice can produce (each referring to {@link
 * ProblemSchema}), {@code Location} and {@code Retry-After} headers, JSON instead of {@code *}{@code /*}, paging
 * bounds, {@code Idempotency-Key}, and the tag order Swagger UI shows (the SOAR-facing tags first).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ContractOpenApiCustomizer implements OpenApiCustomizer {

    /** Tags in display order; tags not named here follow in name order. */
    static final List<String> TAG_ORDER = List.of(
            "Attributions",
            "Queries",
            "Socket events",
            "Contacts",
            "Hosts",
            "Groups",
            "Subscriptions",
            "Webhooks",
            "Activity",
            "WebSocket agents",
            "API keys");

    private static final Map<String, String> DEFAULT_DESCRIPTIONS = Map.of(
            "400", "Invalid request: a parameter or the body is malformed (problem+json with errors[{field, message}])",
            "404", "No such resource",
            "409", "Conflicts with the stored state",
            "413", "The request body is larger than hub.http.max-body-size",
            "422", "Idempotency-Key reused with a different request body",
            "503", "Temporarily unavailable (the database is unreachable); retry after Retry-After seconds");

    private final HttpProperties http;

    ContractOpenApiCustomizer(HttpProperties http) {
        this.http = http;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        // Added here, not only in the OpenAPI bean: springdoc drops schemas nothing referred to before customizers ran.
        openApi.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.problem());
        OpenApiEnums.declare(openApi);
        openApi.getComponents().getSchemas().values().forEach(ContractOpenApiCustomizer::nullableReferences);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach(this::customisePath);
        }
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            // Replaced everywhere by Problem; Spring's class lists an odd "properties" map and no errors[].
            openApi.getComponents().getSchemas().remove("ProblemDetail");
        }
        if (openApi.getTags() != null) {
            openApi.setTags(openApi.getTags().stream()
                    .sorted(Comparator.comparingInt(ContractOpenApiCustomizer::tagRank)
                            .thenComparing(Tag::getName))
                    .toList());
        }
    }

    /**
     * springdoc writes a nullable reference as {@code {type: null, $ref: X}}, which no value satisfies; JSON Schema
     * 2020-12 says it as {@code oneOf: [{$ref: X}, {type: null}]}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.replaceAll((name, property) -> {
            boolean onlyNull = property.getTypes() != null
                    && property.getTypes().size() == 1
                    && property.getTypes().contains("null");
            if (property.get$ref() == null || !onlyNull) {
                return property;
            }
            Schema wrapper = new Schema<>();
            wrapper.setDescription(property.getDescription());
            wrapper.oneOf(List.of(new Schema<>().$ref(property.get$ref()), typed("null")));
            return wrapper;
        });
    }

    private void customisePath(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> customise(path, method, operation));
    }

    private void customise(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"header".equals(p.getIn()));
        if (hasBody || hasParameters) {
            addProblem(responses, "400");
        }
        if (path.contains("{")) {
            addProblem(responses, "404");
        }
        if (hasBody && http.unlimitedPaths().stream().noneMatch(path::startsWith)) {
            addProblem(responses, "413");
        }
        if (method == PathItem.HttpMethod.POST && IdempotencyFilter.appliesTo(path)) {
            operation.addParametersItem(IdempotencyFilter.parameter());
            addProblem(responses, "409")
                    .setDescription("A request with the same Idempotency-Key is still being processed, or "
                            + responseDescription(responses.get("409")));
            addProblem(responses, "422");
        }
        addProblem(responses, "503");
        responses.forEach(ContractOpenApiCustomizer::customiseResponse);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> bound(path, p));
        }
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream()
                .sorted()
                .forEach(code ->
                        sorted.addApiResponse(code, operation.getResponses().get(code)));
        operation.setResponses(sorted);
    }

    private static ApiResponse addProblem(ApiResponses responses, String code) {
        return responses.computeIfAbsent(
                code, c -> new ApiResponse().description(DEFAULT_DESCRIPTIONS.getOrDefault(c, "Error")));
    }

    private static String responseDescription(ApiResponse response) {
        String d = response.getDescription();
        return d == null || d.isBlank() || d.startsWith("A request with the same") ? "a conflict with stored state" : d;
    }

    private static void customiseResponse(String code, ApiResponse response) {
        int status = Integer.parseInt(code.replace("XX", "00"));
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DEFAULT_DESCRIPTIONS.getOrDefault(code, "Success"));
        }
        if (status >= 400) {
            response.setContent(ProblemSchema.content());
            if (status == 429 || status == 503) {
                response.addHeaderObject("Retry-After", header("Seconds to wait before retrying", "integer"));
            }
            return;
        }
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            content.put("application/json", content.remove("*/*"));
        }
        if (status == 201 || status == 202) {
            response.addHeaderObject(
                    "Location",
                    header(status == 201 ? "URL of the created resource" : "URL to poll for the outcome", "string"));
        }
    }

    static Header header(String description, String type) {
        return new Header().description(description).schema(typed(type));
    }

    private static void bound(String path, Parameter parameter) {
        if ("path".equals(parameter.getIn())
                && (parameter.getDescription() == null
                        || parameter.getDescription().isBlank())) {
            parameter.setDescription(pathParameterDescription(path, parameter.getName()));
        }
        if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            parameter.getSchema().setMinimum(BigDecimal.ZERO);
            parameter.setDescription("Zero-based page number");
        } else if ("size".equals(parameter.getName())) {
            parameter.getSchema().setMinimum(BigDecimal.ONE);
            parameter.getSchema().setMaximum(BigDecimal.valueOf(Paging.MAX_SIZE));
            parameter.setDescription("Page size, 1.." + Paging.MAX_SIZE);
        }
    }

    /** "The subscription's id" for {@code id} under {@code /api/v1/subscriptions/{id}}, and the like. */
    private static String pathParameterDescription(String path, String name) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                String collection = segments[i - 1].replace("-", " ");
                String resource =
                        collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
                return "The " + resource + "'s " + (name.equals("id") ? "id" : name);
            }
        }
        return "The " + name;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Schema<Object> typed(String type) {
        Schema schema = new Schema<>();
        schema.type(type);
        schema.types(Set.of(type));
        return schema;
    }

    private static int tagRank(Tag tag) {
        int rank = TAG_ORDER.indexOf(tag.getName());
        return rank < 0 ? TAG_ORDER.size() : rank;
    }
}
