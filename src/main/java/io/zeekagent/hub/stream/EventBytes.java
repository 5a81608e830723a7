package io.zeekagent.hub.stream;

import io.zeekagent.hub.ingest.SocketEventCodec;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Socket events as a Kafka record value: several events of one partition in one record, so the producer (key,
 * partitioner, accumulator, callback) and both consumer groups (record parsing, {@code ConsumerRecord}) pay their
 * per-record cost once per record instead of once per event. Format, version 1 (big-endian):
 *
 * <pre>
 *   byte  0x5A ('Z')   magic: a record of events
 *   byte  0x01         format version
 *   int   n            events in the record, 1 ≤ n ≤ {@value #MAX_EVENTS}
 *   n ×   event        the spool's compact binary record (SocketEventCodec: seuid, every input field, receipt time)
 * </pre>
 *
 * and nothing after the n-th event. A record holds at most {@value #MAX_EVENTS} events and {@value #MAX_BYTES}
 * bytes (one event larger than that goes alone). A value whose first byte is not the magic is read as one bare
 * event, the format before records carried several: that starts with the high byte of the seuid's length, which
 * is 0, so records still in the topic from before an upgrade are read. A value that is neither is undecodable as a
 * whole (the consumers count and skip the record: none of its events is taken).
 */
final class EventBytes {

    /** Caps a record so that a poll's batch stays bounded (see {@code max.poll.records}) and a record fits well
     * within the producer's batch.size (256 KiB) and the brokers' default message.max.bytes (1 MiB). Past some tens
     * of events per record the per-record costs are already negligible, so larger records would gain nothing. */
    static final int MAX_EVENTS = 500;

    static final int MAX_BYTES = 64 * 1024;

    static final byte MAGIC = 0x5A;
    static final byte VERSION = 1;
    private static final SocketEventCodec CODEC = new SocketEventCodec();

    private EventBytes() {}

    /** One record value holding these events (no bounds applied: {@link #pack} is what the producer uses). */
    static byte[] encode(List<StoredSocketEvent> events) {
        Value value = new Value();
        for (StoredSocketEvent event : events) {
            value.append(event);
        }
        return value.bytes();
    }

    /** The events of a record value, or an {@link IOException} when the bytes are not a record of events. */
    static List<StoredSocketEvent> decode(byte[] value) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        if (value.length == 0 || value[0] != MAGIC) {
            return List.of(CODEC.read(in));
        }
        in.readByte();
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("unknown socket-event record version " + version);
        }
        int n = in.readInt();
        // Every event takes far more than one byte: a count beyond the value's length is corruption, not an
        // allocation to attempt.
        if (n < 1 || n > value.length) {
            throw new IOException("bad event count " + n + " in a record of " + value.length + " bytes");
        }
        List<StoredSocketEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(CODEC.read(in));
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes after the " + n + " events of a record");
        }
        return events;
    }

    /** A record to send: its partition, its key (the host id of its first event) and how many events it holds. */
    record Packed(int partition, String key, byte[] value, int events) {}

    /**
     * The events grouped into records by their host's partition ({@code partitionOf}), each record bounded by
     * {@link #MAX_EVENTS} and {@link #MAX_BYTES}. The events of one partition keep their order within and across its
     * records, and its records come in the order they were filled, so sending them in this order keeps each host's
     * order; records of different partitions may interleave (Kafka orders nothing across partitions anyway).
     */
    static List<Packed> pack(List<StoredSocketEvent> events, ToIntFunction<String> partitionOf) {
        List<Packed> out = new ArrayList<>();
        Map<Integer, Value> open = new HashMap<>();
        for (StoredSocketEvent event : events) {
            String host = event.input().hostId();
            int partition = partitionOf.applyAsInt(host);
            Value value = open.get(partition);
            if (value == null) {
                value = new Value();
                value.key = host;
                open.put(partition, value);
            }
            int before = value.size();
            value.append(event);
            if (value.size() > MAX_BYTES && value.events > 1) {
                // The event does not fit: the record is closed without it and the event starts the next one.
                byte[] last = Arrays.copyOfRange(value.buffer(), before, value.size());
                value.dropLast(before);
                out.add(new Packed(partition, value.key, value.bytes(), value.events));
                value = new Value();
                value.key = host;
                value.appendEncoded(last);
                open.put(partition, value);
            }
            if (value.events >= MAX_EVENTS || value.size() >= MAX_BYTES) {
                out.add(new Packed(partition, value.key, value.bytes(), value.events));
                open.remove(partition);
            }
        }
        open.forEach((partition, value) -> out.add(new Packed(partition, value.key, value.bytes(), value.events)));
        return out;
    }

    /** A record value being written: the header, then events; the count is filled in by {@link #bytes}. */
    private static final class Value extends ByteArrayOutputStream {
        private final DataOutputStream data = new DataOutputStream(this);
        String key = "";
        /** Events written (ByteArrayOutputStream's own {@code count} is the bytes written). */
        int events;

        Value() {
            super(4096);
            write(MAGIC);
            write(VERSION);
            writeBytes(new byte[4]);
        }

        void append(StoredSocketEvent event) {
            try {
                CODEC.write(event, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events++;
        }

        void appendEncoded(byte[] event) {
            writeBytes(event);
            events++;
        }

        byte[] buffer() {
            return buf;
        }

        /** Drops the last event, which started at {@code size}. */
        void dropLast(int size) {
            events--;
            count = size;
        }

        byte[] bytes() {
            byte[] out = toByteArray();
            out[2] = (byte) (events >>> 24);
            out[3] = (byte) (events >>> 16);
            out[4] = (byte) (events >>> 8);
            out[5] = (byte) events;
            return out;
        }
    }
}
