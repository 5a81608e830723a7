package io.zeekagent.hub.system;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} body with a stable {@code type}, a human
 * {@code title}, a useful {@code detail} and, for validation problems, {@code errors[{field, message}]}.
 *
 * <p>Bad input is always a 4xx; a 500 means a bug, is logged with its stack trace, and never leaks internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        body.setType(ex.type());
        body.setTitle(ex.title());
        if (!ex.fieldProblems().isEmpty()) {
            body.setProperty("errors", ex.fieldProblems());
        }
        return ResponseEntity.status(ex.status()).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return validationProblem("Request validation failed", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "cannot convert '" + ex.getValue() + "'"
                + (ex.getRequiredType() != null ? " to " + ex.getRequiredType().getSimpleName() : "");
        return validationProblem(ex.getName() + ": " + message, List.of(new FieldProblem(ex.getName(), message)));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException ex) {
        log.debug("Integrity violation", ex);
        ProblemDetail body = problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict with stored data",
                "The request conflicts with stored data (a duplicate or a reference still in use)");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentChange(OptimisticLockingFailureException ex) {
        log.debug("Concurrent change", ex);
        ProblemDetail body = problem(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed concurrently",
                "The resource was changed by another request at the same time; read it again and retry");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseDown(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail body = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "The database cannot be reached right now; nothing was written. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unhandled error", ex);
        ProblemDetail body = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "An unexpected error occurred; it has been logged.");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), String.valueOf(fe.getDefaultMessage())));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(
                        ge -> errors.add(new FieldProblem(ge.getObjectName(), String.valueOf(ge.getDefaultMessage()))));
        return asObject(validationProblem(summary(errors), errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            r.getResolvableErrors()
                    .forEach(e -> errors.add(new FieldProblem(
                            name == null ? "parameter" : name, String.valueOf(e.getDefaultMessage()))));
        });
        return asObject(validationProblem(summary(errors), errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return asObject(handleApiException(tooLarge));
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPathReference();
            String message = "unknown field '" + unknown.getPropertyName() + "'";
            ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field", message);
            body.setProperty("errors", List.of(new FieldProblem(jsonPath(unknown), message)));
            log.debug("Unknown field {}", field);
            return asObject(ResponseEntity.badRequest().body(body));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String message = jackson.getOriginalMessage();
            ProblemDetail body = problem(
                    HttpStatus.BAD_REQUEST, "invalid-json-value", "Invalid value", jsonPath(jackson) + ": " + message);
            body.setProperty("errors", List.of(new FieldProblem(jsonPath(jackson), message)));
            return asObject(ResponseEntity.badRequest().body(body));
        }
        String detail = cause instanceof JacksonException jackson
                ? "Malformed JSON: " + jackson.getOriginalMessage()
                : "The request body is missing or is not valid JSON";
        return asObject(ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC exceptions (405, 406, 415, missing parameters...) arrive here with a ProblemDetail body;
        // give them a stable type in our namespace instead of about:blank.
        if (body instanceof ProblemDetail pd
                && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(ApiException.problemType("http-" + statusCode.value()));
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        return response == null ? ResponseEntity.status(statusCode).build() : response;
    }

    private static ResponseEntity<ProblemDetail> validationProblem(String detail, List<FieldProblem> errors) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", detail);
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, @Nullable String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        pd.setType(ApiException.problemType(slug));
        pd.setTitle(title);
        return pd;
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "Request validation failed";
        }
        StringBuilder sb = new StringBuilder();
        for (FieldProblem e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }

    private static String jsonPath(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> asObject(ResponseEntity<? extends Object> response) {
        return (ResponseEntity<Object>) response;
    }
}
