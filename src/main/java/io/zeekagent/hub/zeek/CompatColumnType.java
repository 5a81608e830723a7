package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BooleanValue;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.CountValue;
import io.zeekagent.hub.broker.EnumValue;
import io.zeekagent.hub.broker.IntegerValue;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.broker.RealValue;
import io.zeekagent.hub.broker.StringValue;
import io.zeekagent.hub.broker.SubnetValue;
import io.zeekagent.hub.broker.TimespanValue;
import io.zeekagent.hub.broker.TimestampValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A column type a compat result event may declare, and the conversion of an agent's value to it. Zeek checks every
 * argument strictly against the declared type and silently drops an event that does not fit, so the hub converts
 * what converts without loss (a v2 agent's {@code count} for an {@code int}, text {@code "10.0.0.1"} for an
 * {@code addr}, epoch seconds for a {@code time}) and refuses the rest, never sending a malformed row.
 */
enum CompatColumnType {
    STRING("string"),
    INT("int"),
    COUNT("count"),
    DOUBLE("double"),
    BOOL("bool"),
    ADDR("addr"),
    PORT("port"),
    SUBNET("subnet"),
    TIME("time"),
    INTERVAL("interval");

    private static final long NANOS = 1_000_000_000L;

    private final String zeekName;

    CompatColumnType(String zeekName) {
        this.zeekName = zeekName;
    }

    /** The type named as Zeek's {@code type_name} renders it; unsupported types are a format error. */
    static CompatColumnType parse(String zeekType) {
        String t = zeekType.strip();
        for (CompatColumnType c : values()) {
            if (c.zeekName.equals(t)) {
                return c;
            }
        }
        throw new BrokerFormatException("column type '" + t + "' is not one the hub converts to (string, int, count,"
                + " double, bool, addr, port, subnet, time, interval)");
    }

    String zeekName() {
        return zeekName;
    }

    /**
     * The value as this type.
     *
     * @throws BrokerFormatException when it does not convert without loss (also for a missing value: Zeek has no
     *     null for an event argument)
     */
    BrokerValue convert(BrokerValue v) {
        try {
            BrokerValue converted = convertOrNull(v);
            if (converted != null) {
                return converted;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BrokerFormatException(v.type() + " " + v + " is not a valid " + zeekName + ": " + e.getMessage());
        }
        throw new BrokerFormatException(v.type() + " " + v + " does not convert to " + zeekName);
    }

    private @Nullable BrokerValue convertOrNull(BrokerValue v) {
        switch (this) {
            case STRING:
                return toText(v);
            case INT:
                return toInt(v);
            case COUNT:
                return toCount(v);
            case DOUBLE:
                return toDouble(v);
            case BOOL:
                return toBool(v);
            case ADDR:
                return v instanceof AddressValue ? v : v instanceof StringValue s ? address(s.value()) : null;
            case PORT:
                return toPort(v);
            case SUBNET:
                return v instanceof SubnetValue ? v : v instanceof StringValue s ? SubnetValue.parse(s.value()) : null;
            case TIME:
                Long at = v instanceof TimestampValue ? null : seconds(v);
                return v instanceof TimestampValue ? v : at == null ? null : new TimestampValue(at);
            default:
                Long span = v instanceof TimespanValue ? null : seconds(v);
                return v instanceof TimespanValue ? v : span == null ? null : new TimespanValue(span);
        }
    }

    private static @Nullable BrokerValue toText(BrokerValue v) {
        if (v instanceof StringValue) {
            return v;
        }
        if (v instanceof IntegerValue
                || v instanceof RealValue
                || v instanceof AddressValue
                || v instanceof SubnetValue
                || v instanceof PortValue
                || v instanceof EnumValue) {
            return BrokerValue.string(v.toString());
        }
        if (v instanceof CountValue c) {
            return BrokerValue.string(Long.toUnsignedString(c.value()));
        }
        return v instanceof BooleanValue b ? BrokerValue.string(b.value() ? "T" : "F") : null;
    }

    private static @Nullable BrokerValue toInt(BrokerValue v) {
        if (v instanceof IntegerValue) {
            return v;
        }
        if (v instanceof CountValue c && c.value() >= 0) {
            return BrokerValue.integer(c.value());
        }
        if (v instanceof RealValue r && isWhole(r.value())) {
            return BrokerValue.integer((long) r.value());
        }
        return v instanceof StringValue s
                ? BrokerValue.integer(Long.parseLong(s.value().strip()))
                : null;
    }

    private static @Nullable BrokerValue toCount(BrokerValue v) {
        if (v instanceof CountValue) {
            return v;
        }
        if (v instanceof IntegerValue i && i.value() >= 0) {
            return BrokerValue.count(i.value());
        }
        if (v instanceof RealValue r && isWhole(r.value()) && r.value() >= 0) {
            return BrokerValue.count((long) r.value());
        }
        return v instanceof StringValue s
                ? BrokerValue.count(Long.parseUnsignedLong(s.value().strip()))
                : null;
    }

    private static @Nullable BrokerValue toDouble(BrokerValue v) {
        if (v instanceof RealValue) {
            return v;
        }
        if (v instanceof IntegerValue i) {
            return BrokerValue.real(i.value());
        }
        if (v instanceof CountValue c && c.value() >= 0) {
            return BrokerValue.real(c.value());
        }
        return v instanceof StringValue s
                ? BrokerValue.real(Double.parseDouble(s.value().strip()))
                : null;
    }

    private static @Nullable BrokerValue toBool(BrokerValue v) {
        if (v instanceof BooleanValue) {
            return v;
        }
        if (v instanceof IntegerValue i && (i.value() == 0 || i.value() == 1)) {
            return BrokerValue.bool(i.value() == 1);
        }
        if (v instanceof CountValue c && (c.value() == 0 || c.value() == 1)) {
            return BrokerValue.bool(c.value() == 1);
        }
        if (v instanceof StringValue s) {
            String t = s.value().strip().toLowerCase(Locale.ROOT);
            if (t.equals("t") || t.equals("true") || t.equals("1")) {
                return BrokerValue.bool(true);
            }
            if (t.equals("f") || t.equals("false") || t.equals("0")) {
                return BrokerValue.bool(false);
            }
        }
        return null;
    }

    private static @Nullable BrokerValue toPort(BrokerValue v) {
        if (v instanceof PortValue) {
            return v;
        }
        long number;
        PortProtocol protocol = PortProtocol.UNKNOWN;
        if (v instanceof IntegerValue i) {
            number = i.value();
        } else if (v instanceof CountValue c) {
            number = c.value();
        } else if (v instanceof StringValue s) {
            String text = s.value().strip();
            int slash = text.indexOf('/');
            if (slash >= 0) {
                protocol = protocol(text.substring(slash + 1));
                text = text.substring(0, slash);
            }
            number = Long.parseLong(text);
        } else {
            return null;
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return BrokerValue.port((int) number, protocol);
    }

    private static PortProtocol protocol(String text) {
        for (PortProtocol p : PortProtocol.values()) {
            if (p.text().equals(text) || p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        return PortProtocol.UNKNOWN;
    }

    private static BrokerValue address(String text) {
        String s = text.strip();
        int zone = s.indexOf('%');
        return AddressValue.parse(zone >= 0 ? s.substring(0, zone) : s);
    }

    /** Epoch or duration seconds of a number, as nanoseconds; null for anything else. */
    private static @Nullable Long seconds(BrokerValue v) {
        if (v instanceof IntegerValue i) {
            return Math.multiplyExact(i.value(), NANOS);
        }
        if (v instanceof CountValue c && c.value() >= 0) {
            return Math.multiplyExact(c.value(), NANOS);
        }
        if (v instanceof RealValue r && Double.isFinite(r.value()) && Math.abs(r.value()) < 9.0e9) {
            return Math.round(r.value() * NANOS);
        }
        return null;
    }

    private static boolean isWhole(double d) {
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18;
    }
}
