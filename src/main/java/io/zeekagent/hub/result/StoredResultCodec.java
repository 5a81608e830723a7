package io.zeekagent.hub.result;

import io.zeekagent.hub.storage.RecordCodec;
import io.zeekagent.hub.storage.Records;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A result row as a spool record. */
final class StoredResultCodec implements RecordCodec<StoredResult> {

    private static final RowUpdate[] UPDATES = RowUpdate.values();

    @Override
    public void write(StoredResult row, DataOutput out) throws IOException {
        Records.writeString(out, row.subscriptionId());
        Records.writeString(out, row.hostId());
        out.writeByte(row.update().ordinal());
        Records.writeInstant(out, row.receivedAt());
        Records.writeString(out, row.json());
    }

    @Override
    public StoredResult read(DataInput in) throws IOException {
        String subscriptionId = Records.readRequiredString(in);
        String hostId = Records.readRequiredString(in);
        int update = in.readUnsignedByte();
        if (update >= UPDATES.length) {
            throw new IOException("unknown row update " + update);
        }
        return new StoredResult(
                subscriptionId,
                hostId,
                UPDATES[update],
                Records.readRequiredInstant(in),
                Records.readRequiredString(in));
    }
}
