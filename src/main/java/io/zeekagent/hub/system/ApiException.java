package io.zeekagent.hub.system;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Base of every error a feature raises on purpose; {@link ProblemDetailsAdvice} turns it into an RFC 9457
 * problem with a stable {@code type} URI, a human title and the detail given here.
 *
 * <p>Features subclass one of the concrete kinds ({@link NotFoundException}, {@link ConflictException},
 * {@link InvalidRequestException}, {@link ServiceUnavailableException}) so the advice never needs editing.
 */
public abstract class ApiException extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:zeek-agent-hub:problem:";

    private final HttpStatus status;
    private final String typeSlug;
    private final String title;
    private final List<FieldProblem> fieldProblems;

    protected ApiException(
            HttpStatus status, String typeSlug, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem {@code type}, e.g. {@code urn:zeek-agent-hub:problem:host-not-found}. */
    public URI type() {
        return problemType(typeSlug);
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    static URI problemType(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
