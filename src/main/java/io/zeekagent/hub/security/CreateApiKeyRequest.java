package io.zeekagent.hub.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for a new API key.
 *
 * @param name who or what will use the key (unique; it names the key in the audit trail)
 * @param role {@code reader}, {@code operator} or {@code admin}
 */
record CreateApiKeyRequest(
        @Schema(example = "soar-playbooks")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        String name,

        @Schema(
                example = "reader",
                allowableValues = {"reader", "operator", "admin"})
        @NotNull
        Role role) {}
