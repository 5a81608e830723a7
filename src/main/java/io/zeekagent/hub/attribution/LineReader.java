package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines as bytes into one reused buffer (a trailing {@code \r} is dropped), so a
 * stream of any length is read in constant memory. A line longer than the limit is reported as too long and
 * skipped to its end. Not thread-safe.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLength;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;

    LineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    return any;
                }
            }
            any = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            append(start, end);
            chunkPos = end < chunkEnd ? end + 1 : end;
            if (end < chunkEnd) {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private void append(int start, int end) {
        int n = end - start;
        if (tooLong || length + n > maxLength) {
            tooLong = true;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLength, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(chunk, start, line, length, n);
        length += n;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean tooLong() {
        return tooLong;
    }

    /** Whether the line is empty or only whitespace. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
