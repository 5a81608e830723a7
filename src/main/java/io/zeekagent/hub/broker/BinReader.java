package io.zeekagent.hub.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads bin v1 from a byte range. Every length is checked against the bytes left before anything is
 * allocated, and nesting is bounded by {@link BinV1#MAX_DEPTH}.
 */
final class BinReader {

    private final byte[] b;
    private final int start;
    private final int end;
    private int pos;

    BinReader(byte[] b, int start, int end) {
        this.b = b;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    BrokerValue readWhole() {
        BrokerValue value = read(0);
        if (pos != end) {
            throw fail((end - pos) + " trailing byte(s) after the value", pos);
        }
        return value;
    }

    private BrokerValue read(int depth) {
        int at = pos;
        need(1, "type tag");
        int tag = b[pos++] & 0xFF;
        BrokerType type = BrokerType.ofTag(tag);
        if (type == null) {
            throw fail("unknown type tag 0x" + Integer.toHexString(tag), at);
        }
        return switch (type) {
            case NONE -> NoneValue.INSTANCE;
            case BOOLEAN -> BrokerValue.bool(readByte("boolean") != 0);
            case COUNT -> new CountValue(readLong("count"));
            case INTEGER -> new IntegerValue(readLong("integer"));
            case REAL -> new RealValue(Ieee754.unpack(readLong("real")));
            case STRING -> new StringValue(readText("string"));
            case ADDRESS -> readAddress("address");
            case SUBNET -> readSubnet();
            case PORT -> readPort();
            case TIMESTAMP -> new TimestampValue(readLong("timestamp"));
            case TIMESPAN -> new TimespanValue(readLong("timespan"));
            case ENUM_VALUE -> new EnumValue(readText("enum value"));
            case SET -> readSet(depth + 1, at);
            case TABLE -> readTable(depth + 1, at);
            case VECTOR -> readVector(depth + 1, at);
        };
    }

    private BrokerValue readSet(int depth, int at) {
        checkDepth(depth, at);
        int n = readSize("set", 1);
        TreeSet<BrokerValue> elements = new TreeSet<>(BrokerOrder.INSTANCE);
        for (int i = 0; i < n; i++) {
            int elementAt = pos;
            if (!elements.add(read(depth))) {
                throw fail("duplicate set element", elementAt);
            }
        }
        return new SetValue(elements);
    }

    private BrokerValue readTable(int depth, int at) {
        checkDepth(depth, at);
        int n = readSize("table", 2);
        TreeMap<BrokerValue, BrokerValue> entries = new TreeMap<>(BrokerOrder.INSTANCE);
        for (int i = 0; i < n; i++) {
            int keyAt = pos;
            BrokerValue key = read(depth);
            if (entries.put(key, read(depth)) != null) {
                throw fail("duplicate table key", keyAt);
            }
        }
        return new TableValue(entries);
    }

    private BrokerValue readVector(int depth, int at) {
        checkDepth(depth, at);
        int n = readSize("vector", 1);
        BrokerValue[] elements = new BrokerValue[n];
        for (int i = 0; i < n; i++) {
            elements[i] = read(depth);
        }
        return new VectorValue(List.of(elements));
    }

    private void checkDepth(int depth, int at) {
        if (depth > BinV1.MAX_DEPTH) {
            throw fail("containers nested deeper than " + BinV1.MAX_DEPTH, at);
        }
    }

    private AddressValue readAddress(String what) {
        need(16, what);
        AddressValue address = AddressValue.ofBytes(b, pos);
        pos += 16;
        return address;
    }

    private BrokerValue readSubnet() {
        AddressValue network = readAddress("subnet");
        int at = pos;
        int raw = readByte("subnet prefix length");
        if (raw > 128 || (network.isV4() && raw < 96)) {
            throw fail("subnet prefix length byte " + raw + " out of range", at);
        }
        return new SubnetValue(network, raw);
    }

    private BrokerValue readPort() {
        need(3, "port");
        int number = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
        PortProtocol protocol = PortProtocol.ofCode(b[pos + 2] & 0xFF);
        if (protocol == null) {
            throw fail("unknown port protocol " + (b[pos + 2] & 0xFF), pos + 2);
        }
        pos += 3;
        return new PortValue(number, protocol);
    }

    private String readText(String what) {
        int n = readSize(what, 1);
        String s = new String(b, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Reads a varbyte size and rejects it unless {@code n * minBytesEach} bytes are still left. */
    private int readSize(String what, int minBytesEach) {
        int at = pos;
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28) {
                throw fail(what + " size varbyte longer than 5 bytes", at);
            }
            need(1, what + " size");
            int x = b[pos++] & 0xFF;
            value |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
        }
        if (value > 0xFFFF_FFFFL) {
            throw fail(what + " size exceeds 32 bits", at);
        }
        if (value * minBytesEach > end - pos) {
            throw fail(what + " size " + value + " exceeds the " + (end - pos) + " byte(s) left", at);
        }
        return (int) value;
    }

    private int readByte(String what) {
        need(1, what);
        return b[pos++] & 0xFF;
    }

    private long readLong(String what) {
        need(8, what);
        long v = BinV1.readLong(b, pos);
        pos += 8;
        return v;
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw fail("truncated " + what + ": need " + n + " byte(s), " + (end - pos) + " left", pos);
        }
    }

    private BrokerFormatException fail(String what, int at) {
        return new BrokerFormatException(what, at - start);
    }
}
