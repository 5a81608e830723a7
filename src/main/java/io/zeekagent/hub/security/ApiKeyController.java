package io.zeekagent.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Creates, lists and revokes API keys; admin only. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys for the REST API (admin role)")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(
            operationId = "createApiKey",
            summary = "Create a key",
            description = "The response is the only time the key is shown.")
    @ApiResponse(responseCode = "201", description = "Created; the key itself is in this response only")
    @ApiResponse(responseCode = "409", description = "A key with this name exists")
    ResponseEntity<CreatedApiKeyResponse> create(@Valid @RequestBody CreateApiKeyRequest request) {
        CreatedApiKeyResponse created = keys.create(request.name(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    @Operation(
            operationId = "listApiKeys",
            summary = "List keys",
            description = "Name, role, created and last used; never the key.")
    PageResponse<ApiKeyResponse> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return keys.list(Paging.of(page, size, Sort.by("createdAt", "keyId")));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApiKey", summary = "Show a key")
    ApiKeyResponse get(@PathVariable String id) {
        return keys.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke a key",
            description = "Requests with the key are refused from now on.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "409", description = "The last admin key cannot be revoked")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
