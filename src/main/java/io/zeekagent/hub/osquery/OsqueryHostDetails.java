package io.zeekagent.hub.osquery;

import io.zeekagent.hub.host.HostDetails;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The enroll request's {@code host_details} ({@code os_version}, {@code system_info}, ...) as host details. */
final class OsqueryHostDetails {

    private OsqueryHostDetails() {}

    static HostDetails from(@Nullable String platformType, JsonNode hostDetails, Instant now) {
        JsonNode os = hostDetails.path("os_version");
        JsonNode system = hostDetails.path("system_info");
        String osName =
                (orEmpty(OsqueryJson.text(os, "name")) + " " + orEmpty(OsqueryJson.text(os, "version"))).strip();
        String arch = OsqueryJson.text(os, "arch");
        return new HostDetails(
                platform(platformType, OsqueryJson.text(os, "platform")),
                osName,
                orEmpty(OsqueryJson.text(os, "platform")),
                orEmpty(OsqueryJson.text(os, "build")),
                arch != null ? arch : orEmpty(OsqueryJson.text(system, "cpu_type")),
                Set.of(),
                now);
    }

    /** From the build bitmask (LINUX 8, OSX 16, WINDOWS 2, FREEBSD 32), else {@code os_version.platform}. */
    static String platform(@Nullable String platformType, @Nullable String osPlatform) {
        Long mask = null;
        try {
            mask = platformType == null ? null : Long.parseLong(platformType.strip());
        } catch (NumberFormatException e) {
            // an osquery we do not know: fall back to os_version
        }
        if (mask != null) {
            if ((mask & 8) != 0) {
                return "Linux";
            }
            if ((mask & 16) != 0) {
                return "Darwin";
            }
            if ((mask & 2) != 0) {
                return "Windows";
            }
            if ((mask & 32) != 0) {
                return "FreeBSD";
            }
        }
        return orEmpty(osPlatform);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
