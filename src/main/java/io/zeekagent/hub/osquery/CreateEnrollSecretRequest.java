package io.zeekagent.hub.osquery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A new osquery enroll secret.
 *
 * @param name a label for people
 * @param secret the secret osquery will send ({@code --enroll_secret_path}); generated when absent
 * @param groups groups the hosts enrolling with it join
 */
@Schema(description = "A new osquery enroll secret")
record CreateEnrollSecretRequest(
        @Schema(example = "linux servers") @NotBlank @Size(max = 128)
        String name,

        @Schema(
                example = "2f9c1e7a0b5d4c8e9f3a6b1d",
                nullable = true,
                description = "At least 16 characters; generated when absent")
        @Size(min = 16, max = 512)
        @Pattern(regexp = "\\S+", message = "must not contain whitespace (osquery trims the secret file)")
        @Nullable
        String secret,

        @Schema(example = "[\"linux\"]", nullable = true) @Size(max = 100) @Nullable
        Set<@NotBlank @Size(max = 128) @Pattern(regexp = "[^,]+", message = "must not contain commas") String>
                groups) {}
