package io.zeekagent.hub.storage;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Turns a stream's row into the bytes of one spool record and back; {@link Records} has the nullable helpers. */
public interface RecordCodec<T> {

    void write(T row, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;
}
