package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.net.IpAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link FlowMemory}. */
class FlowMemoryTests {

    final CommunityId hasher = new CommunityId(0);

    @Test
    void findsARememberedFlowByItsCommunityIdWhicheverWayItWasComputed() {
        FlowMemory flows = new FlowMemory(10, Duration.ofHours(1));
        ConnectionTuple tuple = tuple("10.0.0.1", 50000, "10.0.0.2", 443, 1000);
        String id = CommunityIdText.of(tuple, hasher);
        assertThat(id).isEqualTo(hasher.of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50000, 443));
        flows.remember(id, tuple, 0);
        // The Community ID is direction-free: the responder's view names the same flow.
        assertThat(flows.find(hasher.of(CommunityId.TCP, "10.0.0.2", "10.0.0.1", 443, 50000)))
                .isEqualTo(tuple);
        assertThat(flows.find(hasher.of(CommunityId.TCP, "10.0.0.1", "10.0.0.2", 50001, 443)))
                .isNull();
        assertThat(flows.hits()).isEqualTo(1);
        assertThat(flows.misses()).isEqualTo(1);
    }

    @Test
    void forgetsTheLeastRecentlySeenFlowBeyondItsCapacity() {
        FlowMemory flows = new FlowMemory(2, Duration.ofHours(1));
        ConnectionTuple a = tuple("10.0.0.1", 1, "10.0.0.2", 443, 0);
        ConnectionTuple b = tuple("10.0.0.1", 2, "10.0.0.2", 443, 0);
        ConnectionTuple c = tuple("10.0.0.1", 3, "10.0.0.2", 443, 0);
        flows.remember(id(a), a, 1);
        flows.remember(id(b), b, 2);
        flows.remember(id(a), a, 3); // seen again: now the youngest
        flows.remember(id(c), c, 4);
        assertThat(flows.size()).isEqualTo(2);
        assertThat(flows.evictedByCapacity()).isEqualTo(1);
        assertThat(flows.find(id(a))).isEqualTo(a);
        assertThat(flows.find(id(b))).isNull();
        assertThat(flows.find(id(c))).isEqualTo(c);
    }

    @Test
    void forgetsFlowsNotSeenWithinTheTtl() {
        FlowMemory flows = new FlowMemory(10, Duration.ofSeconds(60));
        ConnectionTuple a = tuple("10.0.0.1", 1, "10.0.0.2", 443, 0);
        ConnectionTuple b = tuple("10.0.0.1", 2, "10.0.0.2", 443, 0);
        flows.remember(id(a), a, 1_000);
        flows.remember(id(b), b, 50_000);
        assertThat(flows.evictOlderThan(70_000)).isEqualTo(1);
        assertThat(flows.find(id(a))).isNull();
        assertThat(flows.find(id(b))).isEqualTo(b);
        assertThat(flows.evictedByAge()).isEqualTo(1);
    }

    @Test
    void remembersNothingWhenOffAndIgnoresWhatIsNotACommunityId() {
        ConnectionTuple a = tuple("10.0.0.1", 1, "10.0.0.2", 443, 0);
        FlowMemory off = FlowMemory.disabled();
        off.remember(id(a), a, 0);
        assertThat(off.size()).isZero();
        assertThat(off.find(id(a))).isNull();
        FlowMemory on = new FlowMemory(10, Duration.ofHours(1));
        on.remember(null, a, 0);
        on.remember("1:not-base64", a, 0);
        assertThat(on.size()).isZero();
    }

    @Test
    void acceptsOnlyVersionOneBase64OfTwentyBytes() {
        assertThat(CommunityIdText.isValid("1:LQU9qZlK+B5F3KDmev6m5PMibrg=")).isTrue();
        assertThat(CommunityIdText.isValid("1:LQU9qZlK+B5F3KDmev6m5PMibrg")).isFalse();
        assertThat(CommunityIdText.isValid("2:LQU9qZlK+B5F3KDmev6m5PMibrg=")).isFalse();
        assertThat(CommunityIdText.isValid("1:2d053da9925af81e4517283966fa6e4f3226e6b8"))
                .isFalse();
        assertThat(CommunityIdText.isValid("1:LQU9qZlK+B5F3KDmev6m5PMib?g=")).isFalse();
        assertThat(CommunityIdText.isValid("1:LQU9qZlK+B5F3KDmev6m5PMi==g=")).isFalse();
    }

    @Test
    void agreesWithALinkedHashMapModelOverRandomRememberingFindingAndExpiring() {
        int cap = 37;
        FlowMemory flows = new FlowMemory(cap, Duration.ofMillis(500));
        java.util.LinkedHashMap<String, long[]> model = new java.util.LinkedHashMap<>(); // id -> {ts, seen}
        java.util.Random random = new java.util.Random(42);
        ConnectionTuple[] universe = new ConnectionTuple[120];
        for (int i = 0; i < universe.length; i++) {
            universe[i] = tuple("10.0.0.1", 1000 + i, "10.0.0.2", 443, i);
        }
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt(3);
            ConnectionTuple t = universe[random.nextInt(universe.length)];
            String id = id(t);
            int op = random.nextInt(10);
            if (op < 6) {
                flows.remember(id, t, now);
                model.remove(id);
                model.put(id, new long[] {t.tsMillis(), now});
                if (model.size() > cap) {
                    model.remove(model.keySet().iterator().next());
                }
            } else if (op < 9) {
                ConnectionTuple found = flows.find(id);
                assertThat(found == null).as("step %d", step).isEqualTo(!model.containsKey(id));
                if (found != null) {
                    assertThat(found).isEqualTo(t);
                }
            } else {
                flows.evictOlderThan(now);
                long cutoff = now - 500;
                model.values().removeIf(v -> v[1] < cutoff);
            }
            assertThat(flows.size()).as("step %d", step).isEqualTo(model.size());
        }
        int found = 0;
        for (ConnectionTuple t : universe) {
            if (flows.find(id(t)) != null) {
                assertThat(model).containsKey(id(t));
                found++;
            }
        }
        assertThat(found).isEqualTo(flows.size()).isPositive();
    }

    private String id(ConnectionTuple t) {
        return CommunityIdText.of(t, hasher);
    }

    private static ConnectionTuple tuple(String orig, int origPort, String resp, int respPort, long ts) {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        o.parse(orig);
        r.parse(resp);
        return new ConnectionTuple(o.hi(), o.lo(), origPort, r.hi(), r.lo(), respPort, Transport.fromName("tcp"), ts);
    }
}
