package io.zeekagent.hub.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link StoredResultCodec}: a result row comes back from its spool record unchanged. */
class StoredResultCodecTests {

    @Test
    void readsBackARowWithALargeJsonBody() throws IOException {
        StoredResult row = new StoredResult(
                "sub-1",
                "h1",
                RowUpdate.REMOVE,
                Instant.parse("2026-12-05T08:00:00Z"),
                "{\"x\":\"" + "é".repeat(70_000) + "\"}");
        StoredResultCodec codec = new StoredResultCodec();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(row, new DataOutputStream(bytes));
        assertThat(codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isEqualTo(row);
    }
}
