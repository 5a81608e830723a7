package io.zeekagent.hub.system;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request Spring never saw (an illegal URI such as an encoded {@code /} or a {@code NUL},
 * a malformed request line): an {@code application/problem+json} body in the hub's scheme instead of Tomcat's HTML
 * page, so that every error a client can get from the hub parses the same way. It replaces Tomcat's
 * {@link ErrorReportValve} on the host and, like it, only writes when nothing else has.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                ApiException.problemType(status == 400 ? "invalid-request" : "http-" + status)
                        .toString());
        body.put("title", title);
        body.put("status", status);
        body.put(
                "detail",
                status == 400
                        ? "The request was refused before it reached the API: the URI or the"
                                + " request line is not valid (encoded '/' or control characters in the path, for example)"
                        : title);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile; nothing more to say.
        }
    }
}
