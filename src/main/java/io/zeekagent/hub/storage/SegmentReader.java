package io.zeekagent.hub.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Reads one segment's records in order from a byte offset, checking each against its length and CRC32C. Anything
 * that does not check out (a torn tail, flipped bits, a payload the codec cannot read) is reported as
 * {@link Damaged}; the caller skips the rest of the segment.
 */
final class SegmentReader<T> implements Closeable {

    /** The segment cannot be read on from here. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }

        Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DataInputStream in;
    private final RecordCodec<T> codec;
    private final CRC32C crc = new CRC32C();
    private long offset;
    private boolean skipped;

    SegmentReader(Path file, long offset, RecordCodec<T> codec) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        this.codec = codec;
        this.offset = offset;
    }

    /** Where the next record starts. */
    long offset() {
        return offset;
    }

    /**
     * The next record, or {@code null} at a clean end: the segment's known {@code size} reached on a record boundary.
     *
     * @throws Damaged when the bytes from here on are not a record
     */
    @Nullable
    T next(long size) throws IOException {
        if (skipped) {
            return null;
        }
        if (offset < SegmentFormat.HEADER_BYTES) {
            header(size);
        }
        if (offset >= size) {
            return null;
        }
        if (size - offset < SegmentFormat.RECORD_HEADER_BYTES) {
            throw new Damaged("torn record header at byte " + offset);
        }
        int length;
        int checksum;
        try {
            length = in.readInt();
            checksum = in.readInt();
        } catch (EOFException e) {
            throw new Damaged("torn record header at byte " + offset, e);
        }
        if (length < 0
                || length > SegmentFormat.MAX_RECORD_BYTES
                || offset + SegmentFormat.RECORD_HEADER_BYTES + length > size) {
            throw new Damaged("record length " + length + " at byte " + offset + " runs past the segment's end");
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new Damaged("torn record at byte " + offset, e);
        }
        crc.reset();
        crc.update(payload);
        if ((int) crc.getValue() != checksum) {
            throw new Damaged("checksum mismatch at byte " + offset);
        }
        T row;
        try {
            row = codec.read(new DataInputStream(new ByteArrayInputStream(payload)));
        } catch (IOException | RuntimeException e) {
            throw new Damaged("unreadable record at byte " + offset + ": " + e, e);
        }
        offset += SegmentFormat.RECORD_HEADER_BYTES + length;
        return row;
    }

    /** Gives up on the rest of the segment: from now on it reads as ended at {@code size}. */
    void skipTo(long size) {
        skipped = true;
        offset = size;
    }

    private void header(long size) throws IOException {
        if (size < SegmentFormat.HEADER_BYTES) {
            throw new Damaged("torn segment header");
        }
        byte[] magic = new byte[SegmentFormat.HEADER_BYTES];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new Damaged("torn segment header", e);
        }
        if (!Arrays.equals(magic, SegmentFormat.MAGIC)) {
            throw new Damaged("not a spool segment (bad magic)");
        }
        offset = SegmentFormat.HEADER_BYTES;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
