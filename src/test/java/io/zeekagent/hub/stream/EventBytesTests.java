package io.zeekagent.hub.stream;

import static io.zeekagent.hub.stream.QueuedEventPublisherTests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.ingest.SocketEventCodec;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Tests for {@link EventBytes}: the record format of several events and how a batch is packed into records. */
class EventBytesTests {

    /** h0..h9 → partition = the digit modulo 3. */
    static int partition(String host) {
        return (host.charAt(host.length() - 1) - '0') % 3;
    }

    static List<StoredSocketEvent> events(int n, int hosts) {
        List<StoredSocketEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event("h" + (i % hosts), i));
        }
        return out;
    }

    @Test
    void aRecordOfSeveralEventsDecodesToTheSameEventsInOrder() throws IOException {
        List<StoredSocketEvent> events = events(7, 3);
        byte[] value = EventBytes.encode(events);
        assertThat(value[0]).isEqualTo(EventBytes.MAGIC);
        assertThat(value[1]).isEqualTo(EventBytes.VERSION);
        assertThat(EventBytes.decode(value)).isEqualTo(events);
    }

    @Test
    void aBareEventFromBeforeRecordsCarriedSeveralStillDecodes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SocketEventCodec().write(event("old", 1), new DataOutputStream(bytes));
        assertThat(EventBytes.decode(bytes.toByteArray())).containsExactly(event("old", 1));
    }

    @Test
    void corruptValuesAreRejectedWhole() {
        byte[] value = EventBytes.encode(events(3, 2));
        byte[] truncated = Arrays.copyOf(value, value.length - 5);
        byte[] trailing = Arrays.copyOf(value, value.length + 1);
        byte[] version = value.clone();
        version[1] = 9;
        byte[] count = value.clone();
        count[2] = 0x7f; // ~2 billion events announced
        byte[] zero = value.clone();
        zero[5] = 0;
        for (byte[] bad :
                List.of(truncated, trailing, version, count, zero, new byte[] {EventBytes.MAGIC}, new byte[0])) {
            assertThatThrownBy(() -> EventBytes.decode(bad)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void packGroupsABatchByPartitionKeepingEachHostsOrder() throws IOException {
        List<StoredSocketEvent> batch = events(100, 10);
        List<EventBytes.Packed> records = EventBytes.pack(batch, EventBytesTests::partition);

        assertThat(records).hasSize(3);
        Map<Integer, List<StoredSocketEvent>> byPartition = new TreeMap<>();
        for (EventBytes.Packed r : records) {
            List<StoredSocketEvent> decoded = EventBytes.decode(r.value());
            assertThat(decoded).hasSize(r.events());
            assertThat(decoded).allMatch(e -> partition(e.input().hostId()) == r.partition());
            assertThat(r.key()).isEqualTo(decoded.get(0).input().hostId());
            byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).addAll(decoded);
        }
        for (var entry : byPartition.entrySet()) {
            List<StoredSocketEvent> expected = batch.stream()
                    .filter(e -> partition(e.input().hostId()) == entry.getKey())
                    .toList();
            assertThat(entry.getValue()).isEqualTo(expected);
        }
    }

    @Test
    void packBoundsARecordByEventsAndBytesAndKeepsOrderAcrossRecords() throws IOException {
        List<StoredSocketEvent> batch = events(1_201, 1);
        List<EventBytes.Packed> records = EventBytes.pack(batch, h -> 0);
        assertThat(records)
                .allMatch(r -> r.events() <= EventBytes.MAX_EVENTS && r.value().length <= EventBytes.MAX_BYTES);
        assertThat(records.stream().mapToInt(EventBytes.Packed::events).sum()).isEqualTo(1_201);
        List<StoredSocketEvent> decoded = new ArrayList<>();
        for (EventBytes.Packed r : records) {
            decoded.addAll(EventBytes.decode(r.value()));
        }
        assertThat(decoded).isEqualTo(batch);

        // Events of ~1 KiB: the byte bound closes records long before the event bound, each one below it.
        List<StoredSocketEvent> large = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            large.add(event("h" + "x".repeat(1_000), i));
        }
        List<EventBytes.Packed> bounded = EventBytes.pack(large, h -> 1);
        assertThat(bounded).hasSizeGreaterThan(3).allMatch(r -> r.value().length <= EventBytes.MAX_BYTES);
        List<StoredSocketEvent> back = new ArrayList<>();
        for (EventBytes.Packed r : bounded) {
            back.addAll(EventBytes.decode(r.value()));
        }
        assertThat(back).isEqualTo(large);
    }

    @Test
    void anEventLargerThanTheByteBoundGoesAlone() throws IOException {
        StoredSocketEvent huge = event("h" + "y".repeat(EventBytes.MAX_BYTES), 1);
        List<EventBytes.Packed> records = EventBytes.pack(List.of(event("h", 0), huge, event("h", 2)), h -> 0);
        assertThat(records).extracting(EventBytes.Packed::events).containsExactly(1, 1, 1);
        assertThat(EventBytes.decode(records.get(1).value())).containsExactly(huge);
    }
}
