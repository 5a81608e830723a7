package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI metadata shown in Swagger UI ({@code /swagger-ui.html}) and {@code /v3/api-docs}: info, contact, licence,
 * the configured server URL and the shared {@code Problem} schema every error response refers to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenApiProperties.class)
class OpenApiConfig {

    @Bean
    OpenAPI hubOpenApi(ObjectProvider<BuildProperties> build, OpenApiProperties openApi) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "dev" : properties.getVersion();
        Contact contact = new Contact().name(openApi.contactName());
        if (!openApi.contactUrl().isEmpty()) {
            contact.url(openApi.contactUrl());
        }
        if (!openApi.contactEmail().isEmpty()) {
            contact.email(openApi.contactEmail());
        }
        OpenAPI document = new OpenAPI()
                .info(new Info()
                        .title("Zeek Agent Hub API")
                        .version(version)
                        .contact(contact)
                        .license(new License().name("BSD-3-Clause").url("https://opensource.org/license/bsd-3-clause"))
                        .description("Control plane for Zeek Agents: hosts, groups and scheduled SQL subscriptions "
                                + "delivered over a Broker-compatible ZeroMQ bridge; socket events and conn.log "
                                + "attribution; one-shot queries. Every error is application/problem+json "
                                + "(RFC 9457, schema Problem) with a stable type URN, title, status, detail and, "
                                + "for validation, errors[{field, message}]. Times are ISO-8601 UTC; lists are "
                                + "paged with ?page=&size= (size 1.." + Paging.MAX_SIZE + "). The same document "
                                + "is served as OpenAPI 3.1 (/v3/api-docs, /v3/api-docs.yaml), OpenAPI 3.0.3 "
                                + "(" + OpenApiRenditions.OPENAPI_30_PATH + ") and Swagger 2.0 ("
                                + OpenApiRenditions.SWAGGER_20_PATH + ")."))
                .components(new Components());
        if (!openApi.serverUrl().isEmpty()) {
            document.addServersItem(new Server().url(openApi.serverUrl()).description("This hub"));
        }
        return document;
    }
}
