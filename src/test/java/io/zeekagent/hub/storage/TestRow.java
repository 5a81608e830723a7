package io.zeekagent.hub.storage;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A row of a test stream: a host and a sequence number, so order per host and duplicates can be checked. */
record TestRow(String host, int n) {

    /** Its record codec; every record is 4 + host length + 4 bytes. */
    static final RecordCodec<TestRow> CODEC = new RecordCodec<>() {
        @Override
        public void write(TestRow row, DataOutput out) throws IOException {
            Records.writeString(out, row.host());
            out.writeInt(row.n());
        }

        @Override
        public TestRow read(DataInput in) throws IOException {
            return new TestRow(Records.readRequiredString(in), in.readInt());
        }
    };

    /** The n-th row, of one of three hosts in turn. */
    static TestRow of(int n) {
        return new TestRow("h" + (n % 3), n);
    }
}
