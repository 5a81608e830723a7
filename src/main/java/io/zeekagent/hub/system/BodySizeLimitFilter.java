package io.zeekagent.hub.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code hub.http.max-body-size} with a 413 problem: by their declared length before
 * anything is read, and by counting when the body is chunked. Tomcat limits only form posts, so without this a
 * client could make the hub buffer an arbitrarily large JSON document.
 */
// Enables its own properties so @WebMvcTest slices, which pick up filters but not the properties scan, work.
@Component
@EnableConfigurationProperties(HttpProperties.class)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final HttpProperties properties;

    BodySizeLimitFilter(HttpProperties properties) {
        this.properties = properties;
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return properties.unlimitedPaths().stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            PayloadTooLargeException ex = new PayloadTooLargeException(limit);
            response.setStatus(ex.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"" + ex.type() + "\",\"title\":\"" + ex.title() + "\",\"status\":"
                            + ex.status().value() + ",\"detail\":\"" + ex.getMessage() + "\",\"instance\":\""
                            + request.getRequestURI().replace("\\", "").replace("\"", "") + "\"}");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Counts what the application reads and fails once the limit is passed. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = delegate.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
