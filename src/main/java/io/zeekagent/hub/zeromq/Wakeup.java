package io.zeekagent.hub.zeromq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a socket thread blocked in a ZeroMQ poll from another thread. The poller registers {@link #channel()}; other
 * threads call {@link #wake()}, which costs a system call only when the socket thread is actually about to sleep.
 */
final class Wakeup implements AutoCloseable {

    private final Pipe pipe;
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final ByteBuffer one = ByteBuffer.allocate(1);
    private final ByteBuffer drain = ByteBuffer.allocate(64);

    Wakeup() {
        try {
            pipe = Pipe.open();
            pipe.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The channel to register for reading with the poller. */
    SelectableChannel channel() {
        return pipe.source();
    }

    /**
     * Socket thread: announces it is about to poll. The caller must then re-check its queues and, if they are not
     * empty, call {@link #awake()} and skip the poll; otherwise any later {@link #wake()} interrupts the poll.
     */
    void sleeping() {
        sleeping.set(true);
    }

    /** Socket thread: back from polling (or skipped it). */
    void awake() {
        sleeping.set(false);
    }

    /** Socket thread: discards wake-up bytes after the poller reported {@link #channel()} readable. */
    void drain() {
        try {
            while (pipe.source().read(drain.clear()) > 0) {
                // drained
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any thread: interrupts the socket thread's poll if it is in one. */
    void wake() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            synchronized (one) {
                try {
                    pipe.sink().write(one.clear());
                } catch (IOException e) {
                    // The pipe is closed: the socket thread has stopped, so there is nobody to wake.
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            pipe.sink().close();
            pipe.source().close();
        } catch (IOException e) {
            // Closing a pipe we own; nothing useful to do.
        }
    }
}
