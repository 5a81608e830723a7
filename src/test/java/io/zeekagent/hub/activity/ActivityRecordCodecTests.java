package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link ActivityRecordCodec}: an entry comes back from its spool record unchanged, a null peer too. */
class ActivityRecordCodecTests {

    @Test
    void readsBackAnEntryWithoutAPeer() throws IOException {
        ActivityRecord entry = new ActivityRecord(Instant.parse("2026-12-05T08:00:00Z"), "zeromq", null, "warn", "m");
        ActivityRecordCodec codec = new ActivityRecordCodec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(entry, new DataOutputStream(bytes));
        assertThat(codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isEqualTo(entry);
    }
}
