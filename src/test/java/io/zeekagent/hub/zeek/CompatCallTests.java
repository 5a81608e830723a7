package io.zeekagent.hub.zeek;

import static io.zeekagent.hub.zeek.CompatFixtures.INBOX;
import static io.zeekagent.hub.zeek.CompatFixtures.LISTENING_PORTS;
import static io.zeekagent.hub.zeek.CompatFixtures.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link CompatCall}: the control events read strictly, and the identity of a subscription. */
class CompatCallTests {

    @Test
    void readsASubscribeWithItsOwnerTargetsAndColumnTypes() {
        CompatCall.Subscribe s = (CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c1", "dmz"));

        assertThat(s.subscribe()).isTrue();
        assertThat(s.owner()).isEqualTo("zeek:zeek-test");
        assertThat(s.inbox()).isEqualTo(INBOX);
        assertThat(s.event()).isEqualTo(LISTENING_PORTS);
        assertThat(s.columns()).hasSize(5).first().isEqualTo(CompatColumnType.INT);
        assertThat(s.hosts()).isEmpty();
        assertThat(s.groups()).containsExactly("dmz");
        assertThat(s.intervalSeconds()).isEqualTo(10);
        assertThat(s.cookie()).isEqualTo("c1");
    }

    @Test
    void aReplayHasTheSameSubscriptionIdAndAnotherCookieAnotherOne() {
        String first =
                ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c1"))).subscriptionId();
        String again =
                ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c1"))).subscriptionId();
        String cancel =
                ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.UNSUBSCRIBE, "c1"))).subscriptionId();
        String other =
                ((CompatCall.Subscribe) CompatCall.from(subscribe(CompatEvents.SUBSCRIBE, "c2"))).subscriptionId();

        assertThat(first).startsWith("zeek-").hasSize(45).isEqualTo(again).isEqualTo(cancel);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void readsExecuteJoinAndLeave() {
        CompatCall.Execute x = (CompatCall.Execute) CompatCall.from(CompatFixtures.execute("run-1"));
        assertThat(x.execId()).isEqualTo("run-1");
        assertThat(x.hosts()).containsExactly("host-1");

        CompatCall.Grouping join = (CompatCall.Grouping)
                CompatCall.from(CompatFixtures.grouping(CompatEvents.JOIN, "dmz", "10.1.0.0/16", "10.2.0.0/16"));
        assertThat(join.join()).isTrue();
        assertThat(join.subnets()).containsExactly("10.1.0.0/16", "10.2.0.0/16");
        CompatCall.Grouping leave = (CompatCall.Grouping)
                CompatCall.from(CompatFixtures.grouping(CompatEvents.LEAVE, "dmz", "10.1.0.0/16"));
        assertThat(leave.join()).isFalse();
    }

    @Test
    void refusesMalformedArguments() {
        ZeekEvent good = subscribe(CompatEvents.SUBSCRIBE, "c1");
        assertThatThrownBy(() -> CompatCall.from(with(good, 1, BrokerValue.string("not-an-inbox"))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 0, BrokerValue.string("bad name!"))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 5, BrokerValue.string("SNAPSHOT"))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 6, BrokerValue.integer(10))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 6, BrokerValue.count(0))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 3, BrokerValue.string("event(pid:int;)"))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(with(good, 2, BrokerValue.string("no spaces allowed"))))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() ->
                        CompatCall.from(new ZeekEvent(good.name(), good.args().subList(0, 9), null)))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(ZeekEvent.of("ZeekAgentHub::compat_other")))
                .isInstanceOf(BrokerFormatException.class);
        assertThatThrownBy(() -> CompatCall.from(CompatFixtures.grouping(CompatEvents.JOIN, "")))
                .isInstanceOf(BrokerFormatException.class);
    }

    private static ZeekEvent with(ZeekEvent event, int index, BrokerValue value) {
        List<BrokerValue> args = new ArrayList<>(event.args());
        args.set(index, value);
        return new ZeekEvent(event.name(), args, null);
    }
}
