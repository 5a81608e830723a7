package io.zeekagent.hub.broker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes bin v1 into a growing buffer; one instance per encode call. */
final class BinWriter {

    private static final BrokerValue ONE = new CountValue(1);

    private byte[] buf;
    private int pos;

    BinWriter(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Writes the event envelope of {@link ZeekEvent#toBroker()} directly, without building the
     * intermediate vectors; the bytes are identical.
     */
    void writeEvent(ZeekEvent event) {
        writeByte(BrokerType.VECTOR.tag());
        writeVarbyte(3);
        write(ONE);
        write(ONE);
        writeByte(BrokerType.VECTOR.tag());
        writeVarbyte(event.networkTimestamp() == null ? 2 : 3);
        writeByte(BrokerType.STRING.tag());
        writeString(event.name());
        List<BrokerValue> args = event.args();
        writeByte(BrokerType.VECTOR.tag());
        writeVarbyte(args.size());
        for (int i = 0; i < args.size(); i++) {
            write(args.get(i));
        }
        Instant networkTimestamp = event.networkTimestamp();
        if (networkTimestamp != null) {
            write(ZeekEvent.metadata(networkTimestamp));
        }
    }

    void write(BrokerValue value) {
        BrokerType type = value.type();
        ensure(1);
        buf[pos++] = (byte) type.tag();
        switch (type) {
            case NONE -> {}
            case BOOLEAN -> writeByte(((BooleanValue) value).value() ? 1 : 0);
            case COUNT -> writeLong(((CountValue) value).value());
            case INTEGER -> writeLong(((IntegerValue) value).value());
            case REAL -> writeLong(Ieee754.pack(((RealValue) value).value()));
            case STRING -> writeString(((StringValue) value).value());
            case ADDRESS -> writeAddress((AddressValue) value);
            case SUBNET -> {
                SubnetValue subnet = (SubnetValue) value;
                writeAddress(subnet.network());
                writeByte(subnet.rawLength());
            }
            case PORT -> {
                PortValue port = (PortValue) value;
                writeByte(port.number() >>> 8);
                writeByte(port.number());
                writeByte(port.protocol().ordinal());
            }
            case TIMESTAMP -> writeLong(((TimestampValue) value).nanos());
            case TIMESPAN -> writeLong(((TimespanValue) value).nanos());
            case ENUM_VALUE -> writeString(((EnumValue) value).name());
            case SET -> writeSet((SetValue) value);
            case TABLE -> writeTable((TableValue) value);
            case VECTOR -> writeVector((VectorValue) value);
        }
    }

    private void writeSet(SetValue set) {
        writeVarbyte(set.elements().size());
        for (BrokerValue element : set.elements()) {
            write(element);
        }
    }

    private void writeTable(TableValue table) {
        writeVarbyte(table.entries().size());
        for (Map.Entry<BrokerValue, BrokerValue> entry : table.entries().entrySet()) {
            write(entry.getKey());
            write(entry.getValue());
        }
    }

    private void writeVector(VectorValue vector) {
        List<BrokerValue> elements = vector.elements();
        int n = elements.size();
        writeVarbyte(n);
        for (int i = 0; i < n; i++) {
            write(elements.get(i));
        }
    }

    private void writeString(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeVarbyte(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, pos, utf8.length);
                pos += utf8.length;
                return;
            }
        }
        writeVarbyte(n);
        ensure(n);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) s.charAt(i);
        }
        pos = p + n;
    }

    private void writeAddress(AddressValue address) {
        writeLong(address.high());
        writeLong(address.low());
    }

    private void writeVarbyte(int n) {
        ensure(5);
        long v = n & 0xFFFF_FFFFL;
        while (v > 0x7F) {
            buf[pos++] = (byte) (0x80 | (v & 0x7F));
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    private void writeLong(long v) {
        ensure(8);
        BinV1.writeLong(buf, pos, v);
        pos += 8;
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
