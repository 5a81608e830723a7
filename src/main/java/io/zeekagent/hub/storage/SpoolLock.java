package io.zeekagent.hub.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The lock file that keeps a second writer (another hub, or another in this JVM) off a spool directory. */
final class SpoolLock implements AutoCloseable {

    private static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory if need be and locks it.
     *
     * @throws IOException when another writer holds it, or the directory cannot be written
     */
    static SpoolLock take(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            taken = null;
        }
        if (taken == null) {
            channel.close();
            throw new IOException("spool directory " + dir + " is in use by another writer");
        }
        return new SpoolLock(channel, taken);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
