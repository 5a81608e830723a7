package io.zeekagent.hub.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request conflicts with the stored state (a duplicate name, a resource still in use): 409. */
public class ConflictException extends ApiException {

    public ConflictException(String typeSlug, String title, String detail) {
        super(HttpStatus.CONFLICT, typeSlug, title, detail, List.of());
    }
}
