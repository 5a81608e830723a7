package io.zeekagent.hub.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares the two ways to send a key in the OpenAPI document, so Swagger UI's "Authorize" button takes a key and
 * sends it with every "Try it out". It adds to whatever OpenAPI metadata the {@code system} package declares.
 */
@Component
class SecurityOpenApiCustomizer implements OpenApiCustomizer {

    static final String BEARER_SCHEME = "bearerKey";
    static final String HEADER_SCHEME = "apiKeyHeader";

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
                                .description("An API key as 'Authorization: Bearer <key>'"))
                .addSecuritySchemes(
                        HEADER_SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiKeyAuthenticationFilter.API_KEY_HEADER)
                                .description("An API key as 'X-API-Key: <key>'"));
        // Either scheme suffices: two alternative requirements, not one requirement with both.
        openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        openApi.addSecurityItem(new SecurityRequirement().addList(HEADER_SCHEME));
    }
}
