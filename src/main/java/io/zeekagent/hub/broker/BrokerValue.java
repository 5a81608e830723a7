package io.zeekagent.hub.broker;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable Broker value of any of the 15 Broker types. Implementations are records with value
 * equality; the typed accessors throw {@link BrokerFormatException} when the value has another type, so
 * that a caller picking apart received data can treat a wrong shape like any other malformed input.
 */
public sealed interface BrokerValue
        permits NoneValue,
                BooleanValue,
                CountValue,
                IntegerValue,
                RealValue,
                StringValue,
                AddressValue,
                SubnetValue,
                PortValue,
                TimestampValue,
                TimespanValue,
                EnumValue,
                SetValue,
                TableValue,
                VectorValue {

    /** Returns the Broker type of this value. */
    BrokerType type();

    /** Returns whether this is the none value. */
    default boolean isNone() {
        return this instanceof NoneValue;
    }

    /** Returns the boolean, or throws when this is not a boolean. */
    default boolean asBoolean() {
        return expect(BooleanValue.class).value();
    }

    /** Returns the count as an unsigned 64-bit number in a {@code long}, or throws when this is not a count. */
    default long asCount() {
        return expect(CountValue.class).value();
    }

    /** Returns the integer, or throws when this is not an integer. */
    default long asInteger() {
        return expect(IntegerValue.class).value();
    }

    /** Returns the real, or throws when this is not a real. */
    default double asReal() {
        return expect(RealValue.class).value();
    }

    /** Returns the string, or throws when this is not a string. */
    default String asString() {
        return expect(StringValue.class).value();
    }

    /** Returns the address, or throws when this is not an address. */
    default AddressValue asAddress() {
        return expect(AddressValue.class);
    }

    /** Returns the subnet, or throws when this is not a subnet. */
    default SubnetValue asSubnet() {
        return expect(SubnetValue.class);
    }

    /** Returns the port, or throws when this is not a port. */
    default PortValue asPort() {
        return expect(PortValue.class);
    }

    /** Returns the timestamp, or throws when this is not a timestamp. */
    default Instant asTimestamp() {
        return expect(TimestampValue.class).toInstant();
    }

    /** Returns the timespan, or throws when this is not a timespan. */
    default Duration asTimespan() {
        return expect(TimespanValue.class).toDuration();
    }

    /** Returns the enum value's name, or throws when this is not an enum value. */
    default String asEnum() {
        return expect(EnumValue.class).name();
    }

    /** Returns the set's elements in Broker order, or throws when this is not a set. */
    default Set<BrokerValue> asSet() {
        return expect(SetValue.class).elements();
    }

    /** Returns the table's entries in Broker key order, or throws when this is not a table. */
    default Map<BrokerValue, BrokerValue> asTable() {
        return expect(TableValue.class).entries();
    }

    /** Returns the vector's elements, or throws when this is not a vector. */
    default List<BrokerValue> asVector() {
        return expect(VectorValue.class).elements();
    }

    private <T extends BrokerValue> T expect(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new BrokerFormatException("expected " + type.getSimpleName() + " but got " + type() + " " + this);
    }

    /** Returns the none value. */
    static BrokerValue none() {
        return NoneValue.INSTANCE;
    }

    /** Returns a boolean value. */
    static BrokerValue bool(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    /** Returns a count; the {@code long} is read as unsigned 64 bits. */
    static BrokerValue count(long value) {
        return new CountValue(value);
    }

    /** Returns an integer. */
    static BrokerValue integer(long value) {
        return new IntegerValue(value);
    }

    /** Returns a real. */
    static BrokerValue real(double value) {
        return new RealValue(value);
    }

    /** Returns a string. */
    static BrokerValue string(String value) {
        return new StringValue(value);
    }

    /** Returns an address parsed from an IPv4 or IPv6 literal (no name lookup). */
    static BrokerValue address(String literal) {
        return AddressValue.parse(literal);
    }

    /** Returns an address for an {@link InetAddress}. */
    static BrokerValue address(InetAddress address) {
        return AddressValue.of(address);
    }

    /** Returns a subnet parsed from {@code address/length}, host bits masked. */
    static BrokerValue subnet(String cidr) {
        return SubnetValue.parse(cidr);
    }

    /** Returns a port. */
    static BrokerValue port(int number, PortProtocol protocol) {
        return new PortValue(number, protocol);
    }

    /** Returns a timestamp (nanosecond resolution). */
    static BrokerValue timestamp(Instant instant) {
        return TimestampValue.of(instant);
    }

    /** Returns a timespan (nanosecond resolution). */
    static BrokerValue timespan(Duration duration) {
        return TimespanValue.of(duration);
    }

    /** Returns an enum value, e.g. {@code ZeekAgent::ADD}. */
    static BrokerValue enumValue(String name) {
        return new EnumValue(name);
    }

    /** Returns a set of the given elements; duplicates collapse. */
    static BrokerValue set(BrokerValue... elements) {
        return SetValue.of(Arrays.asList(elements));
    }

    /** Returns a set of the given elements; duplicates collapse. */
    static BrokerValue set(Collection<? extends BrokerValue> elements) {
        return SetValue.of(elements);
    }

    /** Returns a table with the given entries. */
    static BrokerValue table(Map<? extends BrokerValue, ? extends BrokerValue> entries) {
        return TableValue.of(entries);
    }

    /** Returns a vector of the given elements. */
    static BrokerValue vector(BrokerValue... elements) {
        return new VectorValue(List.of(elements));
    }

    /** Returns a vector of the given elements. */
    static BrokerValue vector(List<? extends BrokerValue> elements) {
        return new VectorValue(List.copyOf(elements));
    }
}
