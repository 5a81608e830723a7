package io.zeekagent.hub.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /console/} answers with the console's page, {@code /console} redirects there. Mapped as handler methods
 * (not view controllers) so that any other method gets the API's 405 problem like every endpoint does.
 */
@Hidden
@RestController
class ConsolePageController {

    private static final Resource PAGE = new ClassPathResource("console/index.html");

    @GetMapping("/console/")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping("/console")
    ResponseEntity<Void> directory() {
        // Relative, so that it also works behind a proxy that mounts the hub under a path prefix.
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "console/")
                .build();
    }
}
