package io.zeekagent.hub.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.zeekagent.hub.system.ProblemSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Declares the two ways to send a key (schemes named {@code BearerAuth} and {@code ApiKeyAuth}, the names SOAR
 * importers such as Shuffle recognise), and, per operation, the role it needs ({@code x-required-role} and a
 * sentence in the description, from {@link AccessPolicy}) and the 401/403/429 answers the filter chain can give.
 */
// Before system's contract customizer, which sorts the responses this one adds.
@Component
@Order(0)
class SecurityOpenApiCustomizer implements OpenApiCustomizer {

    static final String BEARER_SCHEME = "BearerAuth";
    static final String HEADER_SCHEME = "ApiKeyAuth";
    static final String ROLE_EXTENSION = "x-required-role";

    private final HubSecurityProperties properties;

    SecurityOpenApiCustomizer(HubSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (!properties.enabled()) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(
                        BEARER_SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("zah_…")
                                .description("An API key in the Authorization header: `Authorization: Bearer "
                                        + "zah_…`. Either this or ApiKeyAuth is enough; send one of them."))
                .addSecuritySchemes(
                        HEADER_SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiKeyAuthenticationFilter.API_KEY_HEADER)
                                .description("An API key in the X-API-Key header: `X-API-Key: zah_…`. Either this "
                                        + "or BearerAuth is enough. The first admin key is printed at first start "
                                        + "(or set with HUB_ADMIN_KEY); admins mint reader/operator keys with "
                                        + "POST /api/v1/api-keys."));
        // Either scheme suffices: two alternative requirements, not one requirement with both.
        openApi.setSecurity(List.of(
                new SecurityRequirement().addList(BEARER_SCHEME), new SecurityRequirement().addList(HEADER_SCHEME)));
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> document(path, method, operation)));
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<Role> role = AccessPolicy.requiredRole(HttpMethod.valueOf(method.name()), path);
        if (role.isEmpty()) {
            operation.addExtension(ROLE_EXTENSION, "none");
            operation.setSecurity(List.of());
            return;
        }
        operation.addExtension(ROLE_EXTENSION, role.get().value());
        String sentence = switch (role.get()) {
            case READER -> "Requires a reader key (any API key).";
            case OPERATOR -> "Requires an operator or admin key.";
            case ADMIN -> "Requires an admin key.";
        };
        String description = operation.getDescription();
        operation.setDescription(
                description == null || description.isBlank() ? sentence : description + " " + sentence);
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        responses.addApiResponse(
                "401",
                problem("No API key, or an unknown, revoked or malformed one (type unauthenticated or "
                        + "invalid-api-key)"));
        if (role.get() != Role.READER) {
            responses.addApiResponse(
                    "403", problem("The key's role is too weak; requiredRole says which role is needed"));
        }
        responses.addApiResponse(
                "429",
                problem("Too many failed key attempts from this address; retry after Retry-After seconds")
                        .addHeaderObject("Retry-After", integerHeader()));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(ProblemSchema.content());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Header integerHeader() {
        Schema schema = new Schema<>();
        schema.type("integer");
        schema.types(Set.of("integer"));
        return new Header().description("Seconds to wait before retrying").schema(schema);
    }
}
