package io.zeekagent.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The contract gate: loads the live OpenAPI document of a running hub and fails, naming the operation, on what
 * breaks SOAR importers and generated clients — a generated operationId, no 2xx response, a {@code *}{@code /*}
 * response, a request body without an example, an enumeration-like field without {@code enum}, a status the
 * endpoint's tests observe but the document does not declare, a missing role — and validates the 3.1, 3.0.3 and
 * Swagger 2.0 renditions with swagger-parser.
 */
@SpringBootTest(
        properties = {
            "hub.security.admin-key=contract-gate-admin-key-for-tests-only",
            "hub.openapi.server-url=https://hub.example.org"
        })
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIntegrationTests {

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");
    private static final Set<String> ENUM_LIKE = Set.of(
            "status",
            "state",
            "level",
            "source",
            "syscall",
            "family",
            "updateType",
            "kind",
            "role",
            "side",
            "protocol",
            "transport",
            "tier",
            "eventType",
            "event_type");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private String json31 = "";
    private OpenAPI api = new OpenAPI();

    @BeforeAll
    void loadTheLiveDocument() throws Exception {
        json31 = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-3.1.json"), json31);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json31, null, new ParseOptions());
        assertThat(parsed.getOpenAPI()).as("the 3.1 document parses").isNotNull();
        api = parsed.getOpenAPI();
    }

    @Test
    void everyHandlerMethodDeclaresItsOperationIdExplicitly() {
        List<String> failures = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!documented(method)) {
                return;
            }
            var operation = method.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (operation == null || operation.operationId().isBlank()) {
                failures.add(method.getBeanType().getSimpleName() + "."
                        + method.getMethod().getName() + " " + info
                        + ": no explicit @Operation(operationId = \"verbNoun\")");
            }
        });
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void everyOperationIsNamedSummarisedTaggedAndGuarded() {
        List<String> failures = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        forEachOperation((where, op) -> {
            String id = op.getOperationId();
            if (id == null || !OPERATION_ID.matcher(id).matches()) {
                failures.add(where + ": operationId '" + id + "' is generated or not camelCase verbNoun");
            } else if (!seen.add(id)) {
                failures.add(where + ": operationId '" + id + "' is used twice");
            }
            if (op.getSummary() == null || op.getSummary().isBlank()) {
                failures.add(where + ": no summary");
            }
            if (op.getTags() == null || op.getTags().isEmpty()) {
                failures.add(where + ": no tag");
            }
            if (op.getExtensions() == null || !op.getExtensions().containsKey("x-required-role")) {
                failures.add(where + ": no x-required-role");
            }
            if (op.getDescription() != null && op.getDescription().matches("(?s).*(DESIGN|\\.md\\b|§).*")) {
                failures.add(where + ": the description refers to an internal document");
            }
        });
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void everyOperationDocumentsATypedSuccessAndProblemErrors() {
        List<String> failures = new ArrayList<>();
        forEachOperation((where, op) -> {
            if (op.getResponses() == null
                    || op.getResponses().keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                failures.add(where + ": no 2xx response");
                return;
            }
            op.getResponses().forEach((code, response) -> {
                Content content = response.getContent();
                if (content != null && content.containsKey("*/*")) {
                    failures.add(where + " " + code + ": response typed */*");
                }
                if (code.startsWith("4") || code.startsWith("5")) {
                    MediaType problem = content == null ? null : content.get("application/problem+json");
                    if (problem == null
                            || problem.getSchema() == null
                            || !"#/components/schemas/Problem"
                                    .equals(problem.getSchema().get$ref())) {
                        failures.add(where + " " + code + ": not application/problem+json with the Problem schema");
                    }
                }
                if ((code.equals("201") || code.equals("202"))
                        && (response.getHeaders() == null
                                || !response.getHeaders().containsKey("Location"))) {
                    failures.add(where + " " + code + ": no Location header");
                }
            });
        });
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void everyStatusTheTestsObserveIsDocumented() {
        List<String> failures = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        forEachOperation((where, op) -> {
            documented.add(op.getOperationId());
            Set<Integer> observed = ObservedStatuses.BY_OPERATION.get(op.getOperationId());
            if (observed == null) {
                failures.add(where + ": no row in ObservedStatuses; add the statuses its tests observe");
                return;
            }
            Set<Integer> expected = new TreeSet<>(observed);
            Object role = op.getExtensions() == null ? null : op.getExtensions().get("x-required-role");
            if (role != null && !"none".equals(role)) {
                expected.add(401);
                expected.add(429);
            }
            for (int status : expected) {
                if (!op.getResponses().containsKey(String.valueOf(status))) {
                    failures.add(where + ": status " + status + " is observed but not documented");
                }
            }
        });
        ObservedStatuses.BY_OPERATION.keySet().stream()
                .filter(id -> !documented.contains(id))
                .forEach(id -> failures.add(id + ": in ObservedStatuses but not in the document (renamed?)"));
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void everyRequestBodyHasAnExampleAndEveryPageIsBounded() {
        List<String> failures = new ArrayList<>();
        forEachOperation((where, op) -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().forEach((type, media) -> {
                    if (type.equals("*/*")) {
                        failures.add(where + ": request body typed */*");
                    }
                    if (media.getExample() == null
                            && (media.getExamples() == null
                                    || media.getExamples().isEmpty())
                            && !hasExample(media.getSchema())) {
                        failures.add(where + ": request body " + type + " has no example");
                    }
                });
            }
            if (op.getParameters() != null) {
                for (Parameter p : op.getParameters()) {
                    if ("size".equals(p.getName())
                            && (p.getSchema() == null || p.getSchema().getMaximum() == null)) {
                        failures.add(where + ": size has no maximum");
                    }
                    if (ENUM_LIKE.contains(p.getName()) && !hasEnum(p.getSchema())) {
                        failures.add(where + ": parameter " + p.getName() + " has no enum");
                    }
                }
            }
        });
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void everyEnumerationLikeFieldDeclaresItsValues() {
        List<String> failures = new ArrayList<>();
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.forEach((property, s) -> {
                    if (ENUM_LIKE.contains(property) && isStringOrFamily(property, s) && !hasEnum(s)) {
                        failures.add("schema " + name + "." + property + ": looks like an enumeration, no enum");
                    }
                });
            }
        });
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void documentCarriesContactLicenceServerAndTheTwoKeySchemes() {
        assertThat(api.getInfo().getContact()).isNotNull();
        assertThat(api.getInfo().getLicense().getName()).isEqualTo("BSD-3-Clause");
        assertThat(api.getServers()).first().extracting(s -> s.getUrl()).isEqualTo("https://hub.example.org");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("BearerAuth", "ApiKeyAuth");
        assertThat(api.getSecurity()).hasSize(2);
        assertThat(api.getComponents().getSchemas()).containsKey("Problem").doesNotContainKey("ProblemDetail");
        assertThat(api.getTags()).extracting(t -> t.getName()).startsWith("Attributions", "Queries");
    }

    @Test
    void allThreeRenditionsAreServedWithoutAKeyAndParseCleanly() throws Exception {
        SwaggerParseResult v31 = new OpenAPIV3Parser().readContents(json31, null, new ParseOptions());
        assertThat(v31.getMessages()).as("3.1 messages").isEmpty();
        assertThat(v31.getOpenAPI().getOpenapi()).startsWith("3.1");

        String yaml =
                mvc.get().uri("/v3/api-docs.yaml").exchange().getResponse().getContentAsString();
        assertThat(yaml).startsWith("openapi: 3.1");

        String json30 = get(OpenApiRenditions.OPENAPI_30_PATH, "target/openapi-3.0.json");
        SwaggerParseResult v30 = new OpenAPIV3Parser().readContents(json30, null, new ParseOptions());
        assertThat(v30.getMessages()).as("3.0.3 messages").isEmpty();
        assertThat(v30.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(operationIds(v30.getOpenAPI())).isEqualTo(operationIds(api));

        String json20 = get(OpenApiRenditions.SWAGGER_20_PATH, "target/swagger-2.0.json");
        var v20 = new io.swagger.parser.SwaggerParser().readWithInfo(json20);
        assertThat(v20.getMessages()).as("Swagger 2.0 messages").isEmpty();
        assertThat(v20.getSwagger().getSwagger()).isEqualTo("2.0");
        assertThat(v20.getSwagger().getHost()).isEqualTo("hub.example.org");
        assertThat(v20.getSwagger().getSecurityDefinitions()).containsOnlyKeys("BearerAuth", "ApiKeyAuth");
        Set<String> ids20 = new TreeSet<>();
        v20.getSwagger()
                .getPaths()
                .values()
                .forEach(p -> p.getOperations().forEach(o -> ids20.add(o.getOperationId())));
        assertThat(ids20).isEqualTo(operationIds(api));
    }

    private String get(String path, String copy) throws Exception {
        var response = mvc.get().uri(path).exchange().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        String body = response.getContentAsString();
        Files.writeString(Path.of(copy), body);
        return body;
    }

    private static Set<String> operationIds(OpenAPI openApi) {
        Set<String> ids = new TreeSet<>();
        openApi.getPaths().values().forEach(p -> p.readOperations().forEach(o -> ids.add(o.getOperationId())));
        return ids;
    }

    private void forEachOperation(BiConsumer<String, Operation> check) {
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, op) ->
                                check.accept(op.getOperationId() + " (" + method + " " + path + ")", op)));
    }

    @SuppressWarnings("rawtypes")
    private boolean hasExample(Schema schema) {
        Schema resolved = resolve(schema);
        if (resolved == null) {
            return false;
        }
        if (resolved.getExample() != null
                || (resolved.getExamples() != null && !resolved.getExamples().isEmpty())) {
            return true;
        }
        if (resolved.getOneOf() != null) {
            return ((List<?>) resolved.getOneOf()).stream().allMatch(s -> hasExample((Schema) s));
        }
        Map<String, Schema> properties = resolved.getProperties();
        if (properties != null && !properties.isEmpty()) {
            // Swagger UI and generators compose the body example from the properties' examples.
            return properties.values().stream().allMatch(this::hasExample);
        }
        return resolved.getItems() != null && hasExample(resolved.getItems());
    }

    @SuppressWarnings("rawtypes")
    private static boolean isStringOrFamily(String property, Schema schema) {
        return property.equals("family")
                || "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string"))
                || schema.get$ref() != null;
    }

    @SuppressWarnings("rawtypes")
    private boolean hasEnum(Schema schema) {
        Schema resolved = resolve(schema);
        if (resolved == null) {
            return false;
        }
        if (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) {
            return true;
        }
        if (resolved.getItems() != null) {
            return hasEnum(resolved.getItems());
        }
        List<?> alternatives = resolved.getOneOf() != null ? resolved.getOneOf() : resolved.getAnyOf();
        return alternatives != null && alternatives.stream().allMatch(s -> hasEnum((Schema) s));
    }

    @SuppressWarnings("rawtypes")
    private Schema resolve(Schema schema) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getSchemas().get(name);
    }

    private static boolean documented(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("io.zeekagent.hub")
                && !method.getBeanType().isAnnotationPresent(Hidden.class)
                && !method.hasMethodAnnotation(Hidden.class);
    }
}
