package io.zeekagent.hub.osquery;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies with bounds: the bytes on the wire and, for {@code Content-Encoding: gzip}, the bytes they
 * inflate to are both capped, so a gzip bomb costs at most {@code limit} inflated bytes and ends in a refusal.
 */
final class RequestBodies {

    private RequestBodies() {}

    /** The body as osquery sent it, inflated when gzip'd, failing with {@link BodyTooLargeException} past limit. */
    static InputStream open(InputStream raw, @Nullable String contentEncoding, long limit) throws IOException {
        InputStream wire = new Limited(raw, limit, "request body");
        if (contentEncoding != null && contentEncoding.strip().equalsIgnoreCase("gzip")) {
            return new Limited(new GZIPInputStream(wire, 8192), limit, "inflated request body");
        }
        return wire;
    }

    /** Counts what is read and fails once more than the limit was read. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private final String what;
        private long count;

        Limited(InputStream in, long limit, String what) {
            super(in);
            this.limit = limit;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(what + " larger than " + limit + " bytes");
            }
        }
    }
}
