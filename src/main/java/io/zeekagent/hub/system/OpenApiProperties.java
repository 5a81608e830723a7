package io.zeekagent.hub.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the OpenAPI document says about where and by whom the hub is served.
 *
 * @param serverUrl the {@code servers[0].url} importers call (e.g. {@code https://hub.example.org}); empty means
 *     the URL the document was requested at, which is right behind no proxy and wrong behind most
 * @param contactName who runs this hub, for {@code info.contact}
 * @param contactUrl where to reach them; empty leaves it out
 * @param contactEmail their mail address; empty leaves it out
 */
@ConfigurationProperties("hub.openapi")
public record OpenApiProperties(String serverUrl, String contactName, String contactUrl, String contactEmail) {

    public OpenApiProperties {
        serverUrl = serverUrl == null ? "" : serverUrl.strip();
        contactName = contactName == null || contactName.isBlank() ? "Zeek Agent Hub maintainers" : contactName;
        contactUrl = contactUrl == null ? "" : contactUrl.strip();
        contactEmail = contactEmail == null ? "" : contactEmail.strip();
    }
}
