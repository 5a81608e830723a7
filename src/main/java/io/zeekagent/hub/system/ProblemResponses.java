package io.zeekagent.hub.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems in the hub's {@code urn:zeek-agent-hub:problem:<slug>} scheme and writes them where no
 * controller advice can help: servlet filters and Spring Security handlers, which answer before MVC runs.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** A problem with a stable type in the hub's namespace; {@code detail} falls back to the title. */
    public static ProblemDetail problem(HttpStatus status, String slug, String title, @Nullable String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        pd.setType(ApiException.problemType(slug));
        pd.setTitle(title);
        return pd;
    }

    /**
     * Writes {@code problem} as the whole response body with {@code application/problem+json}; the status comes from
     * the problem. Headers already set on the response (e.g. {@code Retry-After}) are kept.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
