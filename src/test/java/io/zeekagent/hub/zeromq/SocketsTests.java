package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Tests for {@link Sockets#closeWithin}: a context with a socket left open must not hang the bridge's stop. */
class SocketsTests {

    @Test
    void closesAContextWhoseSocketsAreClosed() {
        ZContext context = new ZContext();
        ZMQ.Socket socket = context.createSocket(SocketType.PUB);
        socket.bind("inproc://sockets-tests-clean");

        assertThat(Sockets.closeWithin(context, Duration.ofSeconds(5))).isTrue();
        assertThat(context.isClosed()).isTrue();
    }

    @Test
    void givesUpOnAContextThatASocketLeftOpenKeepsFromTerminating() {
        ZContext context = new ZContext();
        // Not created through the ZContext, so its close() cannot close it: terminating the context blocks forever.
        ZMQ.Socket leftOpen = context.getContext().socket(SocketType.PUB);
        leftOpen.setLinger(0);
        leftOpen.bind("inproc://sockets-tests-left-open");

        long start = System.nanoTime();
        boolean closed = Sockets.closeWithin(context, Duration.ofMillis(300));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(closed).isFalse();
        assertThat(tookMillis).isLessThan(5_000);
        leftOpen.close(); // lets the abandoned closer thread finish
    }
}
