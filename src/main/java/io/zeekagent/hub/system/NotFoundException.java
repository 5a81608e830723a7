package io.zeekagent.hub.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A resource named in the request does not exist: 404. */
public class NotFoundException extends ApiException {

    public NotFoundException(String typeSlug, String title, String detail) {
        super(HttpStatus.NOT_FOUND, typeSlug, title, detail, List.of());
    }

    /** A generic not-found for {@code kind} (e.g. "host") with the given id. */
    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(
                kind.trim().replaceAll("\\s+", "-") + "-not-found",
                capitalise(kind) + " not found",
                "No " + kind + " '" + id + "'");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
