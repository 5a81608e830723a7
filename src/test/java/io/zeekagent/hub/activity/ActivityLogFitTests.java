package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link ActivityLog#fit}: what an entry carries always fits the {@code activity} table. */
class ActivityLogFitTests {

    @Test
    void keepsTextThatFitsAsItIs() {
        String text = "host h1 connected";
        assertThat(ActivityLog.fit(text, ActivityLog.MESSAGE_LENGTH)).isSameAs(text);
    }

    @Test
    void replacesNulCharactersWhichPostgresqlCannotStore() {
        assertThat(ActivityLog.fit("bad\u0000query", 64)).isEqualTo("bad\uFFFDquery");
    }

    @Test
    void cutsLongTextToTheColumnWithAnEllipsis() {
        String fitted = ActivityLog.fit("x".repeat(20_000), ActivityLog.MESSAGE_LENGTH);
        assertThat(fitted).hasSize(ActivityLog.MESSAGE_LENGTH).endsWith("x…");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        // "😀" is two chars; cut at 5 the pair at index 3-4 would be split after its high surrogate.
        String fitted = ActivityLog.fit("abc😀😀😀", 5);
        assertThat(fitted).isEqualTo("abc…");
        assertThat(fitted.length()).isLessThanOrEqualTo(5);
    }
}
