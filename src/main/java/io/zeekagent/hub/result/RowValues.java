package io.zeekagent.hub.result;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BooleanValue;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.CountValue;
import io.zeekagent.hub.broker.EnumValue;
import io.zeekagent.hub.broker.IntegerValue;
import io.zeekagent.hub.broker.NoneValue;
import io.zeekagent.hub.broker.RealValue;
import io.zeekagent.hub.broker.SetValue;
import io.zeekagent.hub.broker.StringValue;
import io.zeekagent.hub.broker.TableValue;
import io.zeekagent.hub.broker.TimestampValue;
import io.zeekagent.hub.broker.VectorValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Broker values of a row → plain JSON-able Java values, keyed by the subscription's column names. */
public final class RowValues {

    private RowValues() {}

    /**
     * Zips names and values in SELECT order. Values beyond the names (an agent answering an older query) are kept
     * as {@code _col<N>}; names without a value are left out.
     */
    public static Map<String, @Nullable Object> object(List<String> columns, List<BrokerValue> values) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String name = i < columns.size() ? columns.get(i) : "_col" + i;
            row.put(name, plain(values.get(i)));
        }
        return row;
    }

    /**
     * The values in SELECT order, for consumers that read columns by position: like {@link #plain} except that
     * timestamps stay {@link java.time.Instant}s (no text round trip) and a missing value is {@code null}.
     */
    public static @Nullable Object[] array(List<BrokerValue> values) {
        @Nullable Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            BrokerValue v = values.get(i);
            out[i] = v instanceof TimestampValue t ? t.toInstant() : plain(v);
        }
        return out;
    }

    /** One value: numbers stay numbers, addresses/ports/timestamps become text, containers nest. */
    public static @Nullable Object plain(BrokerValue v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof IntegerValue i) {
            return i.value();
        }
        if (v instanceof CountValue c) {
            return c.value() >= 0 ? (Object) c.value() : Long.toUnsignedString(c.value());
        }
        if (v instanceof RealValue r) {
            return Double.isFinite(r.value()) ? (Object) r.value() : Double.toString(r.value());
        }
        if (v instanceof BooleanValue b) {
            return b.value();
        }
        if (v instanceof NoneValue) {
            return null;
        }
        if (v instanceof EnumValue e) {
            return e.name();
        }
        if (v instanceof AddressValue a) {
            return a.toString();
        }
        if (v instanceof TimestampValue t) {
            return t.toInstant().toString();
        }
        if (v instanceof VectorValue vec) {
            return list(vec.elements());
        }
        if (v instanceof SetValue set) {
            return list(set.elements());
        }
        if (v instanceof TableValue table) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            table.entries().forEach((k, val) -> m.put(String.valueOf(plain(k)), plain(val)));
            return m;
        }
        return v.toString();
    }

    private static List<@Nullable Object> list(Iterable<BrokerValue> values) {
        List<@Nullable Object> out = new ArrayList<>();
        values.forEach(x -> out.add(plain(x)));
        return out;
    }
}
