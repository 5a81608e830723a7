package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventSegmentTests {

    @Test
    void receiptTimesRoundTripAsDeltasAndAfterTheyNoLongerFitAnInt() {
        EventSegment s = new EventSegment();
        long t0 = 1_765_000_000_000L;
        s.receivedAt(0, t0);
        s.receivedAt(1, t0 + 5);
        s.receivedAt(2, t0 - 3);
        assertThat(s.receivedAt(1)).isEqualTo(t0 + 5);
        assertThat(s.receivedAt(2)).isEqualTo(t0 - 3);
        // 30 days later: beyond an int of milliseconds, so the segment switches to full values and keeps the others.
        s.receivedAt(3, t0 + 30L * 24 * 3600 * 1000);
        s.receivedAt(4, Long.MIN_VALUE);
        assertThat(s.receivedAt(0)).isEqualTo(t0);
        assertThat(s.receivedAt(1)).isEqualTo(t0 + 5);
        assertThat(s.receivedAt(2)).isEqualTo(t0 - 3);
        assertThat(s.receivedAt(3)).isEqualTo(t0 + 30L * 24 * 3600 * 1000);
        assertThat(s.receivedAt(4)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void chainLinksSitBesideThePortsWithoutChangingThem() {
        long[] hot = new long[EventSegment.STRIDE];
        hot[EventSegment.META] = EventSegment.meta(65535, 443, Transport.UDP);
        long seq = EventSegment.MAX_LINK + 5;
        EventSegment.link(hot, 0, seq, 5);
        assertThat(EventSegment.next(hot, 0, seq)).isEqualTo(5);
        assertThat(EventSegment.localPort(hot[EventSegment.META])).isEqualTo(65535);
        assertThat(EventSegment.remotePort(hot[EventSegment.META])).isEqualTo(443);
        assertThat(hot[EventSegment.META] & EventSegment.TRANSPORT_MASK).isEqualTo(Transport.UDP);
        EventSegment.link(hot, 0, 7, -1);
        assertThat(EventSegment.next(hot, 0, 7)).isEqualTo(-1);
        assertThat(EventSegment.remotePort(hot[EventSegment.META])).isEqualTo(443);
    }
}
