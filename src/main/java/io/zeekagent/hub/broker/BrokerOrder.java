package io.zeekagent.hub.broker;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * Broker's total order on data: type tag first, then the value (strings by UTF-8 bytes, counts unsigned,
 * containers lexicographically). Sets and tables are written in this order, so it decides the bytes.
 */
final class BrokerOrder implements Comparator<BrokerValue> {

    static final BrokerOrder INSTANCE = new BrokerOrder();

    private BrokerOrder() {}

    @Override
    public int compare(BrokerValue a, BrokerValue b) {
        int byType = Integer.compare(a.type().tag(), b.type().tag());
        if (byType != 0) {
            return byType;
        }
        return switch (a.type()) {
            case NONE -> 0;
            case BOOLEAN -> Boolean.compare(((BooleanValue) a).value(), ((BooleanValue) b).value());
            case COUNT -> Long.compareUnsigned(((CountValue) a).value(), ((CountValue) b).value());
            case INTEGER -> Long.compare(((IntegerValue) a).value(), ((IntegerValue) b).value());
            case REAL -> Double.compare(((RealValue) a).value(), ((RealValue) b).value());
            case STRING -> compareUtf8(((StringValue) a).value(), ((StringValue) b).value());
            case ADDRESS -> compareAddress((AddressValue) a, (AddressValue) b);
            case SUBNET -> compareSubnet((SubnetValue) a, (SubnetValue) b);
            case PORT -> comparePort((PortValue) a, (PortValue) b);
            case TIMESTAMP -> Long.compare(((TimestampValue) a).nanos(), ((TimestampValue) b).nanos());
            case TIMESPAN -> Long.compare(((TimespanValue) a).nanos(), ((TimespanValue) b).nanos());
            case ENUM_VALUE -> compareUtf8(((EnumValue) a).name(), ((EnumValue) b).name());
            case SET ->
                compareSequences(
                        ((SetValue) a).elements().iterator(),
                        ((SetValue) b).elements().iterator());
            case TABLE -> compareTables(((TableValue) a).entries(), ((TableValue) b).entries());
            case VECTOR ->
                compareSequences(
                        ((VectorValue) a).elements().iterator(),
                        ((VectorValue) b).elements().iterator());
        };
    }

    /** Code point order, which is the byte order of the UTF-8 encodings. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int compareAddress(AddressValue a, AddressValue b) {
        int high = Long.compareUnsigned(a.high(), b.high());
        return high != 0 ? high : Long.compareUnsigned(a.low(), b.low());
    }

    private static int compareSubnet(SubnetValue a, SubnetValue b) {
        int network = compareAddress(a.network(), b.network());
        return network != 0 ? network : Integer.compare(a.rawLength(), b.rawLength());
    }

    private static int comparePort(PortValue a, PortValue b) {
        int number = Integer.compare(a.number(), b.number());
        return number != 0
                ? number
                : Integer.compare(a.protocol().ordinal(), b.protocol().ordinal());
    }

    private int compareSequences(Iterator<BrokerValue> a, Iterator<BrokerValue> b) {
        while (a.hasNext() && b.hasNext()) {
            int c = compare(a.next(), b.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    private int compareTables(Map<BrokerValue, BrokerValue> a, Map<BrokerValue, BrokerValue> b) {
        Iterator<Map.Entry<BrokerValue, BrokerValue>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<BrokerValue, BrokerValue>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<BrokerValue, BrokerValue> ea = ia.next();
            Map.Entry<BrokerValue, BrokerValue> eb = ib.next();
            int c = compare(ea.getKey(), eb.getKey());
            if (c == 0) {
                c = compare(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }
}
