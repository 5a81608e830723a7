package io.zeekagent.hub.ingest;

import io.zeekagent.hub.storage.RecordCodec;
import io.zeekagent.hub.storage.Records;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** An agent socket event as a spool record: its seuid, every input field and its receipt time. */
public final class SocketEventCodec implements RecordCodec<StoredSocketEvent> {

    @Override
    public void write(StoredSocketEvent e, DataOutput out) throws IOException {
        SocketEventInput in = e.input();
        Records.writeString(out, e.seuid());
        Records.writeString(out, in.hostId());
        Records.writeString(out, in.syscall());
        Records.writeLong(out, in.pid());
        Records.writeLong(out, in.fd());
        Records.writeString(out, in.exe());
        Records.writeLong(out, in.uid());
        Records.writeBoolean(out, in.success());
        Records.writeInt(out, in.family());
        Records.writeString(out, in.protocol());
        Records.writeString(out, in.localAddress());
        Records.writeInt(out, in.localPort());
        Records.writeString(out, in.remoteAddress());
        Records.writeInt(out, in.remotePort());
        Records.writeInstant(out, in.time());
        Records.writeInstant(out, e.receivedAt());
    }

    @Override
    public StoredSocketEvent read(DataInput in) throws IOException {
        String seuid = Records.readRequiredString(in);
        SocketEventInput input = new SocketEventInput(
                Records.readRequiredString(in),
                Records.readString(in),
                Records.readLong(in),
                Records.readLong(in),
                Records.readString(in),
                Records.readLong(in),
                Records.readBoolean(in),
                Records.readInt(in),
                Records.readString(in),
                Records.readString(in),
                Records.readInt(in),
                Records.readString(in),
                Records.readInt(in),
                Records.readInstant(in));
        return new StoredSocketEvent(seuid, input, Records.readRequiredInstant(in));
    }
}
