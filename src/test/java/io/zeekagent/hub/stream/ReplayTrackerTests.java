package io.zeekagent.hub.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link ReplayTracker}: where a newly assigned partition is read from and when it is caught up. */
class ReplayTrackerTests {

    final ReplayTracker tracker = new ReplayTracker();

    @Test
    void replaysFromTheWindowStartUntilThePositionReachesTheEndSeenAtAssignment() {
        assertThat(tracker.assign(3, 100L, 250L, 1_000)).isEqualTo(100);
        assertThat(tracker.replaying(3)).isTrue();
        assertThat(tracker.anyReplaying()).isTrue();

        assertThat(tracker.progress(3, 200, 2_000)).isEqualTo(-1);
        assertThat(tracker.replaying(3)).isTrue();
        assertThat(tracker.progress(3, 250, 5_000)).isEqualTo(4_000);
        assertThat(tracker.replaying(3)).isFalse();
        assertThat(tracker.anyReplaying()).isFalse();
    }

    @Test
    void isReadyAtOnceWhenNothingIsInTheWindow() {
        assertThat(tracker.assign(0, null, 42L, 0)).isEqualTo(42);
        assertThat(tracker.replaying(0)).isFalse();
        assertThat(tracker.assign(1, 7L, 7L, 0)).isEqualTo(7);
        assertThat(tracker.replaying(1)).isFalse();
    }

    @Test
    void resumesAfterWhatItAlreadyIndexedWhenAPartitionComesBack() {
        tracker.assign(5, 0L, 10L, 0);
        for (long offset = 0; offset < 10; offset++) {
            tracker.indexed(5, offset);
        }
        tracker.progress(5, 10, 1);
        tracker.revoke(5);

        // Back after others appended 10..19: only those are read, nothing is indexed twice.
        assertThat(tracker.assign(5, 0L, 20L, 2)).isEqualTo(10);
        assertThat(tracker.replaying(5)).isTrue();
        assertThat(tracker.progress(5, 20, 3)).isEqualTo(1);
    }

    @Test
    void aRevokedPartitionIsNoLongerReplaying() {
        tracker.assign(2, 0L, 10L, 0);
        tracker.revoke(2);
        assertThat(tracker.replaying(2)).isFalse();
        assertThat(tracker.progress(2, 10, 1)).isEqualTo(-1);
    }
}
