package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Tests for {@link ConnJsonReader}. */
class ConnJsonReaderTests {

    private final ConnJsonReader reader = new ConnJsonReader();
    private final ConnFields fields = new ConnFields();

    private String read(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, 0, bytes.length, fields);
    }

    @Test
    void readsTheFlatFormKeepingNumberText() {
        assertThat(read("{\"ts\":1795996800.250000,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,"
                        + "\"id.resp_h\":\"::1\",\"id.resp_p\":443,\"proto\":\"tcp\",\"service\":[\"ssl\",{\"a\":null}],"
                        + "\"duration\":1e-3,\"local_orig\":true}"))
                .isNull();
        assertThat(fields.ts).isEqualTo("1795996800.250000");
        assertThat(fields.uid).isEqualTo("C1");
        assertThat(fields.origH).isEqualTo("10.0.0.1");
        assertThat(fields.origP).isEqualTo("50000");
        assertThat(fields.respH).isEqualTo("::1");
        assertThat(fields.respP).isEqualTo("443");
        assertThat(fields.proto).isEqualTo("tcp");
    }

    @Test
    void readsASuricataEveRecordAsTheSameTupleWithItsTimestamp() {
        assertThat(read("{\"timestamp\":\"2026-11-30T00:00:00.250000+0000\",\"flow_id\":1,\"event_type\":\"alert\","
                        + "\"src_ip\":\"10.0.0.1\",\"src_port\":50000,\"dest_ip\":\"10.0.0.2\",\"dest_port\":443,"
                        + "\"proto\":\"TCP\",\"alert\":{\"signature\":\"x\",\"src_ip\":\"ignored\"}}"))
                .isNull();
        List<io.zeekagent.hub.system.FieldProblem> problems = new java.util.ArrayList<>();
        ConnectionTuple tuple = fields.resolve(problems);

        assertThat(problems).isEmpty();
        assertThat(tuple).isNotNull();
        assertThat(tuple.origPort()).isEqualTo(50000);
        assertThat(tuple.respPort()).isEqualTo(443);
        assertThat(tuple.transport()).isEqualTo(Transport.TCP);
        assertThat(tuple.tsMillis())
                .isEqualTo(java.time.Instant.parse("2026-11-30T00:00:00.250Z").toEpochMilli());
    }

    @Test
    void readsTheNestedIdFormAndEscapedText() {
        assertThat(read(" {\"id\":{\"orig_h\":\"10.0.0.1\",\"orig_p\":1,\"resp_\\u0068\":\"10.0.0.2\",\"resp_p\":null},"
                        + "\"uid\":\"C\\\"\\u00e9\u00e9\\n\"} "))
                .isNull();
        assertThat(fields.origH).isEqualTo("10.0.0.1");
        assertThat(fields.respH).isEqualTo("10.0.0.2");
        assertThat(fields.respP).isNull();
        assertThat(fields.uid).isEqualTo("C\"\u00e9\u00e9\n");
    }

    @Test
    void clearsTheFieldsOfTheRecordBefore() {
        assertThat(read("{\"uid\":\"C1\",\"id.orig_p\":1}")).isNull();
        assertThat(read("{\"id.orig_h\":\"10.0.0.1\"}")).isNull();
        assertThat(fields.uid).isNull();
        assertThat(fields.origP).isNull();
        assertThat(fields.origH).isEqualTo("10.0.0.1");
    }

    @Test
    void givesAContainerForAWantedFieldAsItsText() {
        assertThat(read("{\"id.orig_h\":[1, 2]}")).isNull();
        assertThat(fields.origH).isEqualTo("[1, 2]");
    }

    @Test
    void saysWhenTheTextIsNotAnObject() {
        assertThat(read("[1,2]")).isEqualTo(ConnJsonReader.NOT_AN_OBJECT);
        assertThat(read("{\"a\":1} {}")).isEqualTo(ConnJsonReader.TRAILING);
        byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.validate(array, 0, array.length)).isNull();
        byte[] broken = "[1,".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.validate(broken, 0, broken.length)).isEqualTo("unexpected end of input");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"a\"}",
                "{\"a\":}",
                "{\"a\":1,}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":-}",
                "{\"a\":1e}",
                "{\"a\":tru}",
                "{\"a\":\"x}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12g4\"}",
                "{\"a\":\"\t\"}",
                "{\"a\" 1}",
                "{a:1}",
                "{\"a\":[1 2]}",
                "{\"a\":NaN}",
                "{\"id\":{\"orig_h\":\"x\",}}"
            })
    void rejectsMalformedJson(String json) {
        assertThat(read(json)).isNotNull().isNotEqualTo(ConnJsonReader.NOT_AN_OBJECT);
    }

    @Test
    void rejectsInvalidUtf8AndDeepNesting() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        assertThat(reader.read(overlong, 0, overlong.length, fields)).startsWith("invalid UTF-8");
        byte[] cut = {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'};
        assertThat(reader.read(cut, 0, cut.length, fields)).startsWith("invalid UTF-8");
        assertThat(read("{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}")).startsWith("nesting deeper");
    }

    /** Mutated conn records: the reader accepts exactly what Jackson's streaming parser accepts. */
    @Test
    void agreesWithJacksonOnMutatedRecords() {
        JsonFactory jackson = new JsonFactory();
        String record = "{\"ts\":1795996800.25,\"uid\":\"C\\u00e91\",\"id\":{\"orig_h\":\"10.0.0.1\",\"orig_p\":50000},"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\",\"tunnel_parents\":[],"
                + "\"x\":[true,false,null,-0.5e+3,{\"y\":\"z\"}],\"ok\":true}";
        String alphabet = "{}[]:,\"\\ 0123456789.eE+-truefalsn\tu";
        Random random = new Random(6);
        int rejected = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder(record);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            boolean jacksonAccepts = jacksonAccepts(jackson, bytes);
            String ours = reader.read(bytes, 0, bytes.length, fields);
            assertThat(ours == null).as(sb.toString()).isEqualTo(jacksonAccepts);
            rejected += jacksonAccepts ? 0 : 1;
        }
        assertThat(rejected).isBetween(1_000, 19_000);
    }

    private static boolean jacksonAccepts(JsonFactory jackson, byte[] bytes) {
        try (JsonParser p = jackson.createParser(ObjectReadContext.empty(), bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
