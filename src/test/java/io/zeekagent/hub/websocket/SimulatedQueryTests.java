package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.broker.BrokerValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tests for {@link SimulatedQuery}: the simulator reproduces the agent's own result sequences (§2.7, §4.2). */
class SimulatedQueryTests {

    private static List<List<BrokerValue>> rows(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> List.<BrokerValue>of(BrokerValue.count(i)))
                .toList();
    }

    private static SimulatedQuery query(String mode, Duration schedule) {
        return new SimulatedQuery("z", "q", "t", new int[] {0}, schedule, mode, "E", "Leibniz");
    }

    private static List<String> run(SimulatedQuery query, List<List<BrokerValue>> rows) {
        return query.run(rows).stream()
                .map(c -> c.change() + " " + c.row().get(0).asCount())
                .toList();
    }

    @Test
    void differencesReportNothingFirstThenDeletesBeforeAdds() {
        SimulatedQuery query = query("ZeekAgent::Differences", Duration.ofSeconds(1));

        assertThat(run(query, rows(1, 3))).isEmpty();
        assertThat(run(query, rows(2, 4))).containsExactly("DELETE 1", "ADD 4");
        assertThat(run(query, rows(3, 5))).containsExactly("DELETE 2", "ADD 5");
        assertThat(run(query, List.of())).containsExactly("DELETE 3", "DELETE 4", "DELETE 5");
    }

    @Test
    void eventsReportNothingFirstThenOnlyNewRows() {
        SimulatedQuery query = query("ZeekAgent::Events", Duration.ofSeconds(1));

        assertThat(run(query, rows(1, 3))).isEmpty();
        assertThat(run(query, rows(2, 4))).containsExactly("ADD 4");
        assertThat(run(query, rows(3, 5))).containsExactly("ADD 5");
    }

    @Test
    void snapshotPlusDifferencesReportsEverythingFirstThenDifferences() {
        SimulatedQuery query = query("ZeekAgent::SnapshotPlusDifferences", Duration.ofSeconds(1));

        assertThat(run(query, rows(1, 3))).containsExactly("NONE 1", "NONE 2", "NONE 3");
        assertThat(run(query, rows(2, 4))).containsExactly("DELETE 1", "ADD 4");
    }

    @Test
    void snapshotsAndOneShotsReportAllRows() {
        SimulatedQuery snapshots = query("ZeekAgent::Snapshots", Duration.ofSeconds(2));
        SimulatedQuery oneShot = query("ZeekAgent::Snapshots", null);

        assertThat(run(snapshots, rows(1, 3))).hasSize(3);
        assertThat(run(snapshots, rows(1, 3))).hasSize(3);
        assertThat(oneShot.oneShot()).isTrue();
        assertThat(run(oneShot, rows(1, 3))).containsExactly("NONE 1", "NONE 2", "NONE 3");
        assertThat(run(query("ZeekAgent::Differences", null), rows(1, 3))).isEmpty();
    }
}
