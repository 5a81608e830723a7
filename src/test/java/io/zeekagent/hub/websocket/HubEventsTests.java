package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.zeekagent.hub.broker.BrokerType;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link HubEvents} and {@link V2Query}: what the hub sends, byte for byte where it matters. */
class HubEventsTests {

    @Test
    void encodesInstallQueryAsTheSevenFieldQueryRecordOfTheSpec() {
        V2Query query = new V2Query(
                "SELECT * FROM sockets",
                Duration.ofSeconds(30),
                V2Mode.DIFFERENCES,
                "ZeekAgent_Sockets::query_result",
                null,
                Set.of(),
                Set.of());

        String json = JsonV1.encodeDataMessage(
                "/zeek-agent/query/host/H1",
                HubEvents.installQuery("zeek_Ab12", "za_Qw9", query).toBroker());

        assertThat(json)
                .isEqualTo(
                        "{\"type\":\"data-message\",\"topic\":\"/zeek-agent/query/host/H1\",\"@data-type\":\"vector\","
                                + "\"data\":[{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\",\"data\":1},"
                                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"ZeekAgentAPI::install_query_v1\"},"
                                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"zeek_Ab12\"},"
                                + "{\"@data-type\":\"string\",\"data\":\"za_Qw9\"},{\"@data-type\":\"vector\",\"data\":["
                                + "{\"@data-type\":\"string\",\"data\":\"SELECT * FROM sockets\"},"
                                + "{\"@data-type\":\"timespan\",\"data\":\"30s\"},"
                                + "{\"@data-type\":\"enum-value\",\"data\":\"ZeekAgent::Differences\"},"
                                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"ZeekAgent_Sockets::query_result\"}]},"
                                + "{\"@data-type\":\"none\",\"data\":{}},"
                                + "{\"@data-type\":\"set\",\"data\":[]},{\"@data-type\":\"set\",\"data\":[]}]}]}]}]}");
    }

    @Test
    void sendsAOneShotQueryWithoutSchedule() {
        V2Query query = new V2Query("SELECT 1", null, V2Mode.SNAPSHOTS, "E", "c1", Set.of("a"), Set.of("b"));

        var fields = query.toBroker().asVector();

        assertThat(fields).hasSize(7);
        assertThat(fields.get(1).isNone()).isTrue();
        assertThat(fields.get(4).asString()).isEqualTo("c1");
        assertThat(fields.get(5).asSet()).containsExactly(BrokerValue.string("a"));
    }

    @Test
    void sendsSchedulesAsWholeSecondsBecauseTheAgentIgnoresTheUnit() {
        V2Query query =
                new V2Query("SELECT 1", Duration.ofMillis(1500), V2Mode.SNAPSHOTS, "E", null, Set.of(), Set.of());

        assertThat(JsonV1.encode(query.toBroker().asVector().get(1)))
                .isEqualTo("{\"@data-type\":\"timespan\",\"data\":\"1s\"}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new V2Query(
                        "SELECT 1", Duration.ofMillis(500), V2Mode.SNAPSHOTS, "E", null, Set.of(), Set.of()));
    }

    @Test
    void neverSendsTypesTheAgentsDecoderRejects() {
        V2Query query = new V2Query("SELECT 1", Duration.ofSeconds(5), V2Mode.EVENTS, "E", "c", Set.of("t"), Set.of());
        Set<BrokerType> forbidden = EnumSet.of(
                BrokerType.BOOLEAN, BrokerType.ADDRESS, BrokerType.PORT, BrokerType.SUBNET, BrokerType.TABLE);

        for (ZeekEvent event : new ZeekEvent[] {
            HubEvents.installQuery("z", "q", query),
            HubEvents.cancelQuery("z", "q"),
            HubEvents.zeekHello("z", "1.2.3", 10203),
            HubEvents.zeekShutdown("z")
        }) {
            Deque<BrokerValue> pending = new ArrayDeque<>(event.args());
            while (!pending.isEmpty()) {
                BrokerValue value = pending.pop();
                assertThat(value.type()).isNotIn(forbidden);
                if (value.type() == BrokerType.VECTOR) {
                    pending.addAll(value.asVector());
                } else if (value.type() == BrokerType.SET) {
                    pending.addAll(value.asSet());
                }
            }
        }
    }

    @Test
    void sendsTheArgumentCountsTheAgentChecks() {
        assertThat(HubEvents.installQuery(
                                "z", "q", new V2Query("S", null, V2Mode.SNAPSHOTS, "E", null, Set.of(), Set.of()))
                        .args())
                .hasSize(3);
        assertThat(HubEvents.cancelQuery("z", "q").args()).hasSize(2);
        assertThat(HubEvents.zeekHello("z", "1", 1).args().get(1).asVector()).hasSize(3);
    }

    @Test
    void leavesThePackageVersionEmptySoTheAgentNeverDisablesTheHub() {
        assertThat(HubEvents.zeekHello("z", "0.1.0", 100)
                        .args()
                        .get(1)
                        .asVector()
                        .get(2)
                        .asString())
                .isEmpty();
    }

    @Test
    void numbersVersionsTheWayZeekDoes() {
        assertThat(HubEvents.versionNumber("8.0.1")).isEqualTo(80001);
        assertThat(HubEvents.versionNumber("0.1.0-SNAPSHOT")).isEqualTo(100);
        assertThat(HubEvents.versionNumber("dev")).isZero();
        assertThat(HubEvents.versionNumber("1.99999999999999999999.2")).isEqualTo(19902);
    }
}
