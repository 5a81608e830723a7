package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link SocketEventCodec}: a socket event comes back from its spool record unchanged, nulls included. */
class SocketEventCodecTests {

    private final SocketEventCodec codec = new SocketEventCodec();

    @Test
    void readsBackEveryFieldOfAFullEvent() throws IOException {
        StoredSocketEvent event = new StoredSocketEvent(
                "seuid-1",
                new SocketEventInput(
                        "h1",
                        "connect",
                        12L,
                        3L,
                        "/usr/bin/curl",
                        0L,
                        true,
                        2,
                        "tcp",
                        "10.0.0.1",
                        40000,
                        "192.0.2.7",
                        443,
                        Instant.parse("2026-12-05T08:00:00.123456Z")),
                Instant.parse("2026-12-05T08:00:01.5Z"));
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void readsBackAnEventWithOnlyItsHost() throws IOException {
        StoredSocketEvent event = new StoredSocketEvent(
                "seuid-2",
                new SocketEventInput(
                        "h2", null, null, null, null, null, null, null, null, null, null, null, null, null),
                Instant.EPOCH);
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    private StoredSocketEvent roundTrip(StoredSocketEvent event) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(event, new DataOutputStream(bytes));
        return codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
