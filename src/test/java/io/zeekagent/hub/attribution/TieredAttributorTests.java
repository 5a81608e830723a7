package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link TieredAttributor}: the hot floor, listener pins, the decision per side and completeness. */
class TieredAttributorTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String CLIENT = "10.0.0.1";
    static final String SERVER = "10.0.0.2";

    final AttributionIndex index = new AttributionIndex(Duration.ofHours(24), 1000, Duration.ofSeconds(30));
    final ListColdSource database = new ListColdSource();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TieredAttributor tiers = tiers(database);
    int next;

    TieredAttributor tiers(ColdEventSource source) {
        return new TieredAttributor(
                index,
                source,
                new ColdTierProperties(
                        true, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 0, 6, 500, 2),
                () -> false,
                new AttributionMetrics(null),
                clock);
    }

    @BeforeEach
    void hosts() {
        index.putHost(new HostAddresses("client", null, Set.of(CLIENT)));
        index.putHost(new HostAddresses("server", null, Set.of(SERVER)));
    }

    /** Ingests like the hub: committed to the database, then indexed. */
    String ingest(String host, String syscall, int localPort, String remote, int remotePort, Instant time) {
        String seuid = Seuid.format(0, ++next);
        SocketEventEntry e = new SocketEventEntry(
                seuid, host, syscall, 1L, "/bin/x", 0L, "tcp", null, localPort, remote, remotePort, time, time);
        database.rows.add(e);
        index.addAll(List.of(e));
        return seuid;
    }

    ConnectionTuple conn(int origPort, int respPort, Instant ts) {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        o.parse(CLIENT);
        r.parse(SERVER);
        return new ConnectionTuple(
                o.hi(), o.lo(), origPort, r.hi(), r.lo(), respPort, Transport.TCP, ts.toEpochMilli());
    }

    record Answer(List<String> seuids, String tier, List<String> incomplete) {}

    Answer ask(ConnectionTuple c) {
        MatchCollector out = new MatchCollector(false);
        Completeness state = new Completeness();
        tiers.attribute(c, out, state);
        List<String> seuids = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            seuids.add(out.seuid(out.at(k)));
        }
        return new Answer(seuids, state.tier(), state.incomplete());
    }

    /** 5,000 events into a 1,000-event memory: one old connect, then 4,999 others, a second apart. */
    String oldConnectThenMany() {
        Instant start = NOW.minus(Duration.ofHours(3));
        String old = ingest("client", "connect", 0, SERVER, 443, start);
        for (int i = 1; i < 5000; i++) {
            ingest("client", "connect", 0, SERVER, 1000 + i % 50_000, start.plusSeconds(i));
        }
        return old;
    }

    @Test
    void asksTheDatabaseAndSaysRebalancingForAHostWhosePartitionIsStillReplaying() {
        // Stored by the store group, not yet replayed into this replica's memory; nothing was evicted by count.
        Instant t = NOW.minus(Duration.ofMinutes(2));
        SocketEventEntry stored = new SocketEventEntry(
                Seuid.format(0, 99), "client", "connect", 1L, "/bin/x", 0L, "tcp", null, 0, SERVER, 443, t, t);
        database.rows.add(stored);
        tiers.replay(new HostReplay() {
            @Override
            public boolean any() {
                return true;
            }

            @Override
            public boolean replaying(String hostId) {
                return hostId.equals("client");
            }
        });

        Answer a = ask(conn(40000, 443, t));

        assertThat(a.seuids()).containsExactly(stored.seuid());
        assertThat(a.tier()).isEqualTo("database");
        assertThat(a.incomplete()).containsExactly("rebalancing");

        tiers.replay(HostReplay.NONE);
        Answer after = ask(conn(40000, 443, t));
        assertThat(after.seuids()).isEmpty();
        assertThat(after.incomplete()).isEmpty();
    }

    @Test
    void answersAnEvictedConnectFromTheDatabaseCompletely() {
        String old = oldConnectThenMany();
        assertThat(index.size()).isEqualTo(1000);
        Answer a = ask(conn(40000, 443, NOW.minus(Duration.ofHours(3))));
        assertThat(a.seuids()).containsExactly(old);
        assertThat(a.tier()).isEqualTo("database");
        assertThat(a.incomplete()).isEmpty();
    }

    @Test
    void answersARecentConnectFromMemory() {
        oldConnectThenMany();
        Instant last = NOW.minus(Duration.ofHours(3)).plusSeconds(4999);
        Answer a = ask(conn(40000, 1000 + 4999, last));
        assertThat(a.seuids()).hasSize(1);
        assertThat(a.tier()).isEqualTo("memory");
        assertThat(a.incomplete()).isEmpty();
    }

    @Test
    void keepsTheNewestListenerPinnedBeyondTheCountCap() {
        Instant bound = NOW.minus(Duration.ofHours(5));
        String bind = ingest("server", "bind", 8443, null, 0, bound);
        oldConnectThenMany();
        assertThat(index.pinned()).isEqualTo(1);
        tiers = tiers(null);
        Answer a = ask(conn(40000, 8443, NOW.minus(Duration.ofMinutes(1))));
        assertThat(a.seuids()).containsExactly(bind);
        assertThat(a.tier()).isEqualTo("memory");
    }

    @Test
    void asksTheDatabaseForOlderBindsOfAKeyOnceOneWasDropped() {
        Instant start = NOW.minus(Duration.ofHours(6));
        String first = ingest("server", "bind", 8443, null, 0, start);
        String second = ingest("server", "bind", 8443, null, 0, start.plusSeconds(1));
        oldConnectThenMany();
        Answer a = ask(conn(40000, 8443, NOW.minus(Duration.ofMinutes(1))));
        assertThat(a.seuids()).containsExactly(first, second);
        assertThat(a.tier()).isEqualTo("memory+database");
    }

    @Test
    void answersFromMemoryAndSaysSoWhenTheDatabaseFails() {
        String old = oldConnectThenMany();
        database.failing = true;
        Answer a = ask(conn(40000, 443, NOW.minus(Duration.ofHours(3))));
        assertThat(a.seuids()).doesNotContain(old);
        assertThat(a.incomplete()).containsExactly("cold-tier-unavailable");
        int statements = database.statements;
        ask(conn(40000, 443, NOW.minus(Duration.ofHours(3))));
        assertThat(database.statements)
                .as("skips the database during the retry interval")
                .isEqualTo(statements);
    }

    @Test
    void saysTheColdTierIsDisabledWhenMemoryIsNotEnough() {
        oldConnectThenMany();
        tiers = tiers(null);
        assertThat(ask(conn(40000, 443, NOW.minus(Duration.ofHours(3)))).incomplete())
                .containsExactly("cold-tier-disabled");
    }

    @Test
    void saysAConnectionOlderThanRetentionIsIncomplete() {
        ingest("client", "connect", 0, SERVER, 443, NOW.minus(Duration.ofMinutes(1)));
        assertThat(ask(conn(40000, 443, NOW.minus(Duration.ofHours(25)))).incomplete())
                .containsExactly("retention");
    }

    @Test
    void staysInMemoryWithoutAStatementWhileNothingWasEvicted() {
        String e = ingest("client", "connect", 0, SERVER, 443, NOW.minusSeconds(5));
        Answer a = ask(conn(40000, 443, NOW.minusSeconds(5)));
        assertThat(a.seuids()).containsExactly(e);
        assertThat(a.tier()).isEqualTo("memory");
        assertThat(database.statements).isZero();
    }

    @Test
    void answersAGroupWithOneStatement() {
        oldConnectThenMany();
        List<ConnectionTuple> group = new ArrayList<>();
        List<MatchCollector> outs = new ArrayList<>();
        List<Completeness> states = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            group.add(conn(40000, 1000 + i, NOW.minus(Duration.ofHours(3)).plusSeconds(i)));
            outs.add(new MatchCollector(false));
            states.add(new Completeness());
        }
        tiers.attributeAll(group, outs, states, group.size());
        assertThat(database.statements).isOne();
        assertThat(outs).allMatch(o -> o.size() == 1);
        assertThat(states).allMatch(s -> s.tier().equals("database") && s.complete());
    }
}
