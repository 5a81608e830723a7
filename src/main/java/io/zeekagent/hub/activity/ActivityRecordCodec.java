package io.zeekagent.hub.activity;

import io.zeekagent.hub.storage.RecordCodec;
import io.zeekagent.hub.storage.Records;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** An activity entry as a spool record. */
final class ActivityRecordCodec implements RecordCodec<ActivityRecord> {

    @Override
    public void write(ActivityRecord r, DataOutput out) throws IOException {
        Records.writeInstant(out, r.ts());
        Records.writeString(out, r.source());
        Records.writeString(out, r.peer());
        Records.writeString(out, r.level());
        Records.writeString(out, r.message());
    }

    @Override
    public ActivityRecord read(DataInput in) throws IOException {
        return new ActivityRecord(
                Records.readRequiredInstant(in),
                Records.readRequiredString(in),
                Records.readString(in),
                Records.readRequiredString(in),
                Records.readRequiredString(in));
    }
}
