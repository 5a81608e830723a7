package io.zeekagent.hub.stream;

import io.zeekagent.hub.ingest.SocketEventCodec;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A socket event as a Kafka record value: the spool's compact binary record (seuid, fields, receipt time). */
final class EventBytes {

    private static final SocketEventCodec CODEC = new SocketEventCodec();

    private EventBytes() {}

    static byte[] encode(StoredSocketEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            CODEC.write(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The event, or an {@link IOException} when the bytes are not one. */
    static StoredSocketEvent decode(byte[] value) throws IOException {
        return CODEC.read(new DataInputStream(new ByteArrayInputStream(value)));
    }
}
