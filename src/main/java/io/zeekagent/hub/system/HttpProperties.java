package io.zeekagent.hub.system;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits of the REST API.
 *
 * @param maxBodySize largest request body accepted; larger ones are refused with 413 before they are parsed
 * @param unlimitedPaths path prefixes exempt from the limit because they stream (a whole conn.log)
 */
@Validated
@ConfigurationProperties("hub.http")
public record HttpProperties(@NotNull DataSize maxBodySize, List<String> unlimitedPaths) {

    public HttpProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(16);
        }
        unlimitedPaths = unlimitedPaths == null ? List.of("/api/v1/attributions/batch") : List.copyOf(unlimitedPaths);
    }
}
