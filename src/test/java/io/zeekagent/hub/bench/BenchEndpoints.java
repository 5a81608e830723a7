package io.zeekagent.hub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The trivial endpoints the HTTP figures are compared with, registered only in a hub started by {@link BenchHub}
 * (never scanned): {@code POST /bench/ping} reads the body and answers a small JSON object, {@code POST /bench/echo}
 * streams the body back unchanged. Both sit behind the same filters as the API (a reader key is required).
 */
final class BenchEndpoints {

    private static final byte[] PONG = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private BenchEndpoints() {}

    static RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/bench/ping", request -> {
                    drain(request.servletRequest().getInputStream(), OutputStream.nullOutputStream());
                    return ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(PONG);
                })
                .POST("/bench/echo", request -> {
                    var servletResponse = request.servletRequest();
                    return ServerResponse.ok()
                            .contentType(MediaType.parseMediaType("application/x-ndjson"))
                            .build((req, res) -> {
                                drain(servletResponse.getInputStream(), res.getOutputStream());
                                return null;
                            });
                })
                .build();
    }

    private static void drain(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }
}
