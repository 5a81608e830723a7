package io.zeekagent.hub.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Where replay has got to: the segment and byte offset up to which every record is committed to the database. Kept
 * in a small checksummed file, replaced atomically after every committed batch, so a restart neither loses nor
 * repeats a committed batch.
 */
record SpoolCursor(long segment, long offset) {

    static final String FILE = "cursor";
    private static final int BYTES = 20;

    /** The cursor in the directory; empty when there is none or it is damaged (then replay starts at the oldest). */
    static Optional<SpoolCursor> read(Path dir) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length != BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long segment = buffer.getLong();
        long offset = buffer.getLong();
        int checksum = buffer.getInt();
        return checksum == checksum(segment, offset) ? Optional.of(new SpoolCursor(segment, offset)) : Optional.empty();
    }

    void write(Path dir) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putLong(segment).putLong(offset).putInt(checksum(segment, offset));
        Path temporary = dir.resolve(FILE + ".tmp");
        Files.write(temporary, buffer.array());
        Files.move(temporary, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }

    private static int checksum(long segment, long offset) {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(16).putLong(segment).putLong(offset);
        crc.update(buffer.array());
        return (int) crc.getValue();
    }
}
