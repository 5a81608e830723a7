package io.zeekagent.hub.security;

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
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,

        @NotNull Role role) {}
