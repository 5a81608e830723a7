package io.zeekagent.hub.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random nested Broker values for property tests. The JSON flavour keeps to values JSON v1 carries
 * exactly: reals with at most six decimals, timestamps in whole milliseconds, finite numbers.
 */
final class BrokerValueArbitraries {

    private BrokerValueArbitraries() {}

    /** Values up to {@code depth} containers deep that bin v1 round-trips exactly. */
    static Arbitrary<BrokerValue> binValues(int depth) {
        return values(depth, false);
    }

    /** Values up to {@code depth} containers deep that JSON v1 round-trips exactly. */
    static Arbitrary<BrokerValue> jsonValues(int depth) {
        return values(depth, true);
    }

    private static Arbitrary<BrokerValue> values(int depth, boolean json) {
        Arbitrary<BrokerValue> leaf = leaves(json);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<BrokerValue> inner = Arbitraries.lazy(() -> values(depth - 1, json));
        Arbitrary<BrokerValue> vector = inner.list().ofMaxSize(4).map(BrokerValue::vector);
        Arbitrary<BrokerValue> set = inner.list().ofMaxSize(4).map(BrokerValue::set);
        Arbitrary<BrokerValue> table = Combinators.combine(
                        inner.list().ofMaxSize(4), inner.list().ofMaxSize(4))
                .as(BrokerValueArbitraries::table);
        return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(2, vector), Tuple.of(1, set), Tuple.of(1, table));
    }

    private static BrokerValue table(List<BrokerValue> keys, List<BrokerValue> values) {
        Map<BrokerValue, BrokerValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            entries.put(keys.get(i), values.get(i));
        }
        return BrokerValue.table(entries);
    }

    private static Arbitrary<BrokerValue> leaves(boolean json) {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(BrokerValue.none()),
                Arbitraries.of(true, false).map(BrokerValue::bool),
                Arbitraries.longs().map(BrokerValue::count),
                Arbitraries.longs().map(BrokerValue::integer),
                json
                        ? Arbitraries.longs()
                                .between(-1_000_000_000_000L, 1_000_000_000_000L)
                                .map(k -> BrokerValue.real(k / 1e6))
                        : binReals(),
                text().map(BrokerValue::string),
                text().map(BrokerValue::enumValue),
                addresses(),
                Combinators.combine(addresses(), Arbitraries.integers().between(0, 128))
                        .as((a, len) ->
                                SubnetValue.of((AddressValue) a, a.asAddress().isV4() ? len % 33 : len)),
                Combinators.combine(Arbitraries.integers().between(0, 65535), Arbitraries.of(PortProtocol.class))
                        .as(BrokerValue::port),
                json
                        ? Arbitraries.longs()
                                .between(-9_000_000_000_000L, 9_000_000_000_000L)
                                .map(ms -> new TimestampValue(ms * 1_000_000L))
                        : Arbitraries.longs().map(TimestampValue::new),
                Arbitraries.longs().map(TimespanValue::new)));
    }

    private static Arbitrary<BrokerValue> binReals() {
        return Arbitraries.oneOf(
                        Arbitraries.doubles(),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0),
                        Arbitraries.longs().map(Double::longBitsToDouble))
                .filter(d -> Double.isNaN(d) || d == 0 || Math.abs(d) >= Double.MIN_NORMAL)
                .map(BrokerValue::real);
    }

    private static Arbitrary<BrokerValue> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(AddressValue::ofV4),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(AddressValue::new));
    }

    /** Strings without unpaired surrogates, which UTF-8 cannot carry. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(24).filter(BrokerValueArbitraries::isWellFormed);
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
