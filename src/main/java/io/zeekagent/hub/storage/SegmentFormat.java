package io.zeekagent.hub.storage;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a spool segment file: an 8-byte magic ({@code ZAHSPL01}), then records, each a big-endian
 * {@code int} payload length, the payload's CRC32C as an {@code int}, and the payload ({@link RecordCodec}).
 */
final class SegmentFormat {

    static final byte[] MAGIC = "ZAHSPL01".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length;
    static final int RECORD_HEADER_BYTES = 8;
    /** A length beyond this is a damaged length field, not a record. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    static final String SUFFIX = ".seg";

    private SegmentFormat() {}

    static String fileName(long sequence) {
        return String.format("%020d%s", sequence, SUFFIX);
    }

    /** The sequence number of a segment file name, or -1 when it is not one. */
    static long sequence(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(0, fileName.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
