package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link JsonV1}: text forms and decoder rules beyond the upstream vectors. */
class JsonV1Tests {

    private static String real(double d) {
        return JsonV1.encode(BrokerValue.real(d))
                .replace("{\"@data-type\":\"real\",\"data\":", "")
                .replace("}", "");
    }

    @ParameterizedTest
    @CsvSource({
        "2.5, 2.500000",
        "1e-9, 0.000000",
        "0.0000005, 0.000000",
        "0.0000015, 0.000002",
        "123456789.123456789, 123456789.123457",
        "-0.0, -0.000000",
        "-1e-9, -0.000000",
        "1e20, 100000000000000000000.000000"
    })
    void writesRealsLikePrintfPercentF(double value, String text) {
        assertThat(real(value)).isEqualTo(text);
    }

    @Test
    void refusesToWriteNonFiniteReals() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> JsonV1.encode(BrokerValue.real(Double.NaN)));
    }

    @Test
    void readsRealsOnlyWithAFractionOrExponent() {
        assertThat(JsonV1.decode("{\"@data-type\":\"real\",\"data\":1e3}").asReal())
                .isEqualTo(1000.0);
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"real\",\"data\":1}"))
                .withMessageContaining("write 1.0, not 1");
    }

    @ParameterizedTest
    @CsvSource({
        "2014-07-09T10:16:44.000, 2014-07-09T10:16:44Z",
        "2014-07-09T10:16:44, 2014-07-09T10:16:44Z",
        "2014-07-09T10:16:44.5, 2014-07-09T10:16:44.500Z",
        "2014-07-09T10:16:44.123456789, 2014-07-09T10:16:44.123456789Z",
        "2014-07-09T12:16:44+02:00, 2014-07-09T10:16:44Z",
        "2014-07-09T09:16:44-0100, 2014-07-09T10:16:44Z",
        "2014-07-09T10:16:44Z, 2014-07-09T10:16:44Z",
        "1969-12-31T23:59:59.999, 1969-12-31T23:59:59.999Z"
    })
    void readsIso8601Timestamps(String text, String instant) {
        BrokerValue value = JsonV1.decode("{\"@data-type\":\"timestamp\",\"data\":\"" + text + "\"}");

        assertThat(value.asTimestamp()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void writesTimestampsWithMillisecondsRoundedDown() {
        BrokerValue value = BrokerValue.timestamp(Instant.parse("1969-12-31T23:59:59.9999Z"));

        assertThat(JsonV1.encode(value)).contains("\"1969-12-31T23:59:59.999\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2014-07-09",
                "2014-13-09T10:16:44",
                "2014-07-09T10:16:44.",
                "2014-07-09T10:16:44+25:00",
                "2014-07-09 10:16:44",
                "9999999-07-09T10:16:44",
                "2014-07-09T10:16:44Zjunk"
            })
    void rejectsMalformedTimestamps(String text) {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"timestamp\",\"data\":\"" + text + "\"}"))
                .withMessageContaining("bad timestamp")
                .satisfies(e -> assertThat(e.offset()).isEqualTo(33));
    }

    @ParameterizedTest
    @CsvSource({"90min, PT1H30M", "2h, PT2H", "1d, PT24H", "-5us, -PT0.000005S", "7s, PT7S"})
    void readsTimespansInEveryUnit(String text, String duration) {
        BrokerValue value = JsonV1.decode("{\"@data-type\":\"timespan\",\"data\":\"" + text + "\"}");

        assertThat(value.asTimespan()).isEqualTo(Duration.parse(duration));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5", "5 s", "5sec", "99999999999999999999ns", "999999999999d"})
    void rejectsMalformedTimespans(String text) {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decode("{\"@data-type\":\"timespan\",\"data\":\"" + text + "\"}"));
    }

    @Test
    void readsMembersInAnyOrderWithWhitespaceAndUnknownMembers() {
        String json = " { \"data\" : [ {\"x\":[1,{\"y\":null}],\"data\":\"a\",\"@data-type\":\"string\"} ] ,"
                + " \"@data-type\" : \"vector\" } ";

        assertThat(JsonV1.decode(json)).isEqualTo(BrokerValue.vector(BrokerValue.string("a")));
    }

    @Test
    void escapesOnlyWhatBrokerEscapesAndReadsStandardEscapes() {
        assertThat(JsonV1.encode(BrokerValue.string("\u000B\u0001/")))
                .isEqualTo("{\"@data-type\":\"string\",\"data\":\"\\v\u0001/\"}");
        assertThat(JsonV1.decode("{\"@data-type\":\"string\",\"data\":\"\\u00e9\\/\\v\"}")
                        .asString())
                .isEqualTo("é/\u000B");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"@data-type\":\"count\",\"data\":18446744073709551616}",
                "{\"@data-type\":\"integer\",\"data\":9223372036854775808}",
                "{\"@data-type\":\"count\",\"data\":01}",
                "{\"@data-type\":\"boolean\",\"data\":1}",
                "{\"@data-type\":\"port\",\"data\":\"70000/tcp\"}",
                "{\"@data-type\":\"port\",\"data\":\"80/sctp\"}",
                "{\"@data-type\":\"set\",\"data\":[{\"@data-type\":\"none\",\"data\":{}},{\"@data-type\":\"none\",\"data\":{}}]}",
                "{\"@data-type\":\"table\",\"data\":[{\"key\":{\"@data-type\":\"none\",\"data\":{}}}]}",
                "{\"@data-type\":\"list\",\"data\":[]}",
                "{\"@data-type\":\"none\"}",
                "{\"data\":{}}",
                "{\"@data-type\":\"none\",\"@data-type\":\"none\",\"data\":{}}",
                "[]",
                "{\"@data-type\":\"string\",\"data\":\"unterminated}"
            })
    void rejectsInvalidValues(String json) {
        assertThatExceptionOfType(BrokerFormatException.class).isThrownBy(() -> JsonV1.decode(json));
    }

    @Test
    void rejectsDataMessagesWithoutTopicOrWithAnotherType() {
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() ->
                        JsonV1.decodeDataMessage("{\"type\":\"data-message\",\"@data-type\":\"none\",\"data\":{}}"))
                .withMessageContaining("without a topic");
        assertThatExceptionOfType(BrokerFormatException.class)
                .isThrownBy(() -> JsonV1.decodeDataMessage(
                        "{\"type\":\"ack\",\"topic\":\"t\",\"@data-type\":\"none\",\"data\":{}}"))
                .withMessageContaining("data-message");
    }
}
