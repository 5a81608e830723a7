package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI metadata shown in Swagger UI ({@code /swagger-ui.html}) and {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI hubOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "dev" : properties.getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Zeek Agent Hub API")
                        .version(version)
                        .description("Control plane for Zeek Agents: hosts, groups and scheduled SQL subscriptions "
                                + "delivered over a Broker-compatible ZeroMQ bridge; socket events and conn.log "
                                + "attribution. Every error is application/problem+json (RFC 9457) with type, "
                                + "title, status, detail and, for validation, errors[{field, message}]. Times are "
                                + "ISO-8601 UTC; lists are paged with ?page=&size=."));
    }
}
