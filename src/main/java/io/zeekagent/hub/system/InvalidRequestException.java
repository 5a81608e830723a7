package io.zeekagent.hub.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request is well-formed JSON but breaks a rule of the API: 400 with per-field problems. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String typeSlug, String title, String detail, List<FieldProblem> fieldProblems) {
        super(HttpStatus.BAD_REQUEST, typeSlug, title, detail, fieldProblems);
    }

    /** A single-field validation problem with the generic {@code invalid-request} type. */
    public static InvalidRequestException forField(String field, String message) {
        return new InvalidRequestException(
                "invalid-request",
                "Invalid request",
                field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }
}
