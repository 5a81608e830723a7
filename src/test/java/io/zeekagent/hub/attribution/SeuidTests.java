package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link Seuid}. */
class SeuidTests {

    @Test
    void formatsAndParsesBackAll96Bits() {
        int[] highs = {0, 1, -1, 0x7FFF_FFFF, 0x8000_0000};
        long[] lows = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0x1234_5678_9ABC_DEF0L};
        for (int hi : highs) {
            for (long lo : lows) {
                String text = Seuid.format(hi, lo);
                assertThat(text).hasSize(Seuid.LENGTH).startsWith("S");
                assertThat(Seuid.isValid(text)).isTrue();
                assertThat(Seuid.high(text)).isEqualTo(hi);
                assertThat(Seuid.low(text)).isEqualTo(lo);
            }
        }
    }

    @Test
    void generatesDistinctWellFormedIds() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String seuid = Seuid.next();
            assertThat(Seuid.isValid(seuid)).isTrue();
            assertThat(seen.add(seuid)).isTrue();
        }
    }

    @Test
    void generatesIdsThatSortAfterEveryEarlierOneAsTextToo() {
        String previous = Seuid.next();
        for (int i = 0; i < 100_000; i++) {
            String seuid = Seuid.next();
            assertThat(seuid).isGreaterThan(previous);
            assertThat(Integer.compareUnsigned(Seuid.high(seuid), Seuid.high(previous)))
                    .isGreaterThanOrEqualTo(0);
            previous = seuid;
        }
    }

    @Test
    void rejectsMalformedIds() {
        assertThat(Seuid.isValid("C1234567890abcdefg")).isFalse();
        assertThat(Seuid.isValid("S123")).isFalse();
        assertThat(Seuid.isValid("S1234567890abcdef!")).isFalse();
        assertThat(Seuid.isValid("Szzzzzzzzzzzzzzzzz")).isFalse();
    }

    @Test
    void parsesValueAndValidityInOnePassAsHighLowAndIsValidDo() {
        long[] out = new long[2];
        for (int i = 0; i < 1000; i++) {
            String seuid = Seuid.next();
            assertThat(Seuid.parse(seuid, out)).isTrue();
            assertThat((int) out[0]).isEqualTo(Seuid.high(seuid));
            assertThat(out[1]).isEqualTo(Seuid.low(seuid));
        }
        String max = Seuid.format(-1, -1L);
        assertThat(Seuid.parse(max, out)).isTrue();
        assertThat(out).containsExactly(0xFFFF_FFFFL, -1L);
        for (String bad : new String[] {"C1234567890abcdefg", "S123", "S1234567890abcdef!", "Szzzzzzzzzzzzzzzzz", ""}) {
            assertThat(Seuid.parse(bad, out)).as(bad).isFalse();
        }
    }
}
