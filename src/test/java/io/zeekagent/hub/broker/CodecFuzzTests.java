package io.zeekagent.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zeekagent.hub.broker.bench.CodecBenchmark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tests for the decoders of {@link BinV1}, {@link JsonV1} and {@link EventCodec} on hostile input: random
 * and mutated valid payloads may decode or raise {@link BrokerFormatException}, nothing else.
 */
class CodecFuzzTests {

    private static final int CASES = 40_000;
    private static final long BUDGET_NANOS = 4_000_000_000L;
    private static final byte[] INTERESTING = {
        0x00, 0x01, 0x05, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x7F, (byte) 0x80, (byte) 0xFF
    };
    private static final String JSON_ALPHABET = "{}[]\":,0123456789-.eE \\ntrufalsn@data-typekeyvalue/u";

    @Test
    void binDecoderOnlyEverThrowsBrokerFormatException() {
        List<byte[]> corpus = binCorpus();
        Random random = new Random(0xB1B1);
        int ran = fuzz(random, r -> {
            byte[] input = r.nextInt(8) == 0 ? randomBytes(r) : mutate(r, corpus.get(r.nextInt(corpus.size())), corpus);
            check(input.length, () -> {
                BrokerValue value = BinV1.decode(input);
                assertThat(BinV1.decode(BinV1.encode(value))).isEqualTo(value);
            });
            check(input.length, () -> EventCodec.BIN_V1.decode(input));
        });
        assertThat(ran).isGreaterThan(5_000);
    }

    @Test
    void jsonDecoderOnlyEverThrowsBrokerFormatException() {
        List<String> corpus = jsonCorpus();
        Random random = new Random(0x15015);
        int ran = fuzz(random, r -> {
            String input = mutate(r, corpus.get(r.nextInt(corpus.size())));
            check(input.length(), () -> {
                BrokerValue value = JsonV1.decode(input);
                assertThat(BinV1.decode(BinV1.encode(value))).isEqualTo(value);
            });
            check(input.length(), () -> JsonV1.decodeDataMessage(input));
            byte[] utf8 = input.getBytes(StandardCharsets.UTF_8);
            check(utf8.length * 2L, () -> EventCodec.JSON_V1.decode(utf8));
        });
        assertThat(ran).isGreaterThan(5_000);
    }

    private static int fuzz(Random random, Consumer<Random> oneCase) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int i = 0;
        while (i < CASES && (i % 256 != 0 || System.nanoTime() < deadline)) {
            oneCase.accept(random);
            i++;
        }
        return i;
    }

    private static void check(long inputLength, Runnable decode) {
        try {
            decode.run();
        } catch (BrokerFormatException e) {
            assertThat(e.offset()).isBetween(-1L, inputLength);
            assertThat(e.getMessage()).isNotBlank();
        } catch (Throwable t) {
            fail("decoder threw " + t + " instead of BrokerFormatException", t);
        }
    }

    private static List<byte[]> binCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String line : Vectors.lines("derived-bin-json-examples.txt")) {
            if (line.startsWith("bin : ") && !line.contains("...")) {
                corpus.add(Vectors.hex(line.substring(6)));
            }
        }
        for (String line : Vectors.dataLines("broker-bin-v1-builder-test.txt")) {
            corpus.add(Vectors.hex(line.substring(line.indexOf('|') + 1)));
        }
        corpus.add(EventCodec.BIN_V1.encode(CodecBenchmark.socketEventsRow()));
        return corpus;
    }

    private static List<String> jsonCorpus() {
        List<String> corpus = new ArrayList<>();
        for (String file : List.of(
                "derived-bin-json-examples.txt",
                "zeek-websocket-messages.txt",
                "zeek-broker-serializer-roundtrip.txt")) {
            for (String line : Vectors.lines(file)) {
                int brace = line.indexOf('{');
                if (brace >= 0 && line.endsWith("}")) {
                    corpus.add(line.substring(brace));
                }
            }
        }
        corpus.add(new String(EventCodec.JSON_V1.encode(CodecBenchmark.socketEventsRow()), StandardCharsets.UTF_8));
        return corpus;
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(48)];
        r.nextBytes(b);
        if (b.length > 0) {
            b[0] = (byte) r.nextInt(16);
        }
        return b;
    }

    private static byte[] mutate(Random r, byte[] seed, List<byte[]> corpus) {
        byte[] b = seed.clone();
        for (int m = 1 + r.nextInt(4); m > 0; m--) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> {
                    if (b.length > 0) b[at] ^= (byte) (1 << r.nextInt(8));
                }
                case 1 -> {
                    if (b.length > 0) b[at] = (byte) r.nextInt(256);
                }
                case 2 -> {
                    if (b.length > 0) b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                }
                case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 4 -> b = splice(b, at, new byte[] {(byte) r.nextInt(256)}, 0);
                case 5 -> b = b.length == 0 ? b : splice(b, at, new byte[0], 1);
                default -> {
                    byte[] other = corpus.get(r.nextInt(corpus.size()));
                    b = splice(b, at, Arrays.copyOfRange(other, 0, r.nextInt(other.length + 1)), 0);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static String mutate(Random r, String seed) {
        StringBuilder s = new StringBuilder(seed);
        for (int m = 1 + r.nextInt(4); m > 0; m--) {
            int at = s.length() == 0 ? 0 : r.nextInt(s.length());
            char c = r.nextInt(10) == 0
                    ? (char) r.nextInt(0x3000)
                    : JSON_ALPHABET.charAt(r.nextInt(JSON_ALPHABET.length()));
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (s.length() > 0) s.setCharAt(at, c);
                }
                case 1 -> s.insert(at, c);
                case 2 -> {
                    if (s.length() > 0) s.deleteCharAt(at);
                }
                case 3 -> s.setLength(r.nextInt(s.length() + 1));
                default -> {
                    int from = s.length() == 0 ? 0 : r.nextInt(s.length());
                    s.insert(at, s.substring(from, Math.min(s.length(), from + r.nextInt(40))));
                }
            }
        }
        return s.toString();
    }
}
