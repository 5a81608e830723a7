package io.zeekagent.hub.osquery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates, lists and deletes osquery enroll secrets on the main port; admin only. */
@RestController
@RequestMapping("/api/v1/osquery/enroll-secrets")
@Tag(name = "osquery", description = "Enroll secrets for osquery hosts (admin role); see docs/osquery.md")
class EnrollSecretController {

    private final EnrollSecretService secrets;

    EnrollSecretController(EnrollSecretService secrets) {
        this.secrets = secrets;
    }

    @PostMapping
    @Operation(
            operationId = "createOsqueryEnrollSecret",
            summary = "Create an osquery enroll secret",
            description = "The response is the only time the secret is shown; the hub keeps its SHA-256. Hosts"
                    + " enrolling with it join its groups.")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = EnrollSecretResponse.class)))
    ResponseEntity<EnrollSecretResponse> create(@Valid @RequestBody CreateEnrollSecretRequest request) {
        EnrollSecretResponse created = secrets.create(request);
        return ResponseEntity.created(URI.create("/api/v1/osquery/enroll-secrets/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    @Operation(
            operationId = "listOsqueryEnrollSecrets",
            summary = "List osquery enroll secrets",
            description = "Name, groups and creation time; never the secret.")
    @ApiResponse(
            responseCode = "200",
            description = "The secrets",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = EnrollSecretResponse.class))))
    List<EnrollSecretResponse> list() {
        return secrets.list();
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteOsqueryEnrollSecret",
            summary = "Delete an osquery enroll secret",
            description = "Hosts can no longer enroll with it; enrolled hosts keep their node keys.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such secret",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(@PathVariable String id) {
        secrets.delete(id);
        return ResponseEntity.noContent().build();
    }
}
