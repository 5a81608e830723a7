package io.zeekagent.hub.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the OpenAPI document in the versions importers need, each derived from the live 3.1 document springdoc
 * builds (so all three always describe the same API): OpenAPI 3.0.3 and Swagger 2.0. Public like {@code
 * /v3/api-docs}.
 */
@RestController
@Hidden
class OpenApiRenditions {

    static final String OPENAPI_30_PATH = "/v3/api-docs/openapi-3.0.json";
    static final String SWAGGER_20_PATH = "/v3/api-docs/swagger-2.0.json";

    private final ObjectProvider<OpenApiWebMvcResource> springdoc;

    OpenApiRenditions(ObjectProvider<OpenApiWebMvcResource> springdoc) {
        this.springdoc = springdoc;
    }

    @GetMapping(path = OPENAPI_30_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode openApi30(HttpServletRequest request, Locale locale) throws Exception {
        return OpenApi30Rendition.convert(openApi31(request, locale));
    }

    @GetMapping(path = SWAGGER_20_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode swagger20(HttpServletRequest request, Locale locale) throws Exception {
        return Swagger20Rendition.convert(OpenApi30Rendition.convert(openApi31(request, locale)));
    }

    private ObjectNode openApi31(HttpServletRequest request, Locale locale) throws Exception {
        OpenApiWebMvcResource resource = springdoc.getObject();
        byte[] json = resource.openapiJson(request, "/v3/api-docs", locale);
        return (ObjectNode) JsonMapper.shared().readTree(json);
    }
}
