package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.Seuid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** Tests for {@link SocketEventSearch} on the embedded database (the migrations included). */
@JdbcTest
@Import({SocketEventStore.class, SocketEventSearch.class})
class SocketEventSearchTests {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final List<String> IOC = List.of("93.184.216.34", "::ffff:93.184.216.34");

    @Autowired
    SocketEventStore store;

    @Autowired
    SocketEventSearch search;

    @BeforeEach
    void storeEvents() {
        store.insert(List.of(
                event("h1", 10L, "/usr/bin/curl", "93.184.216.34", 443, T0),
                event("h1", 10L, "/usr/bin/curl", "93.184.216.34", 443, T0.plusSeconds(60)),
                event("h1", 11L, "/usr/bin/wget", "::ffff:93.184.216.34", 80, T0.plusSeconds(30)),
                event("h2", 20L, "/usr/bin/curl", "93.184.216.34", 443, T0.plusSeconds(3600)),
                event("h2", 21L, "/usr/bin/ssh", "10.0.0.9", 22, T0.plusSeconds(10))));
    }

    @Test
    void contactsAreOneRowPerHostAndProcessWithFirstLastAndCount() {
        List<ContactResponse> contacts = search.contacts(IOC, null, null, 0, 10);

        assertThat(contacts)
                .extracting(ContactResponse::hostId, ContactResponse::pid, ContactResponse::events)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("h1", 10L, 2L),
                        org.assertj.core.groups.Tuple.tuple("h1", 11L, 1L),
                        org.assertj.core.groups.Tuple.tuple("h2", 20L, 1L));
        assertThat(contacts.get(0).firstSeen()).isEqualTo(T0);
        assertThat(contacts.get(0).lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(search.countContacts(IOC, null, null)).isEqualTo(3);
        assertThat(search.contacts(IOC, T0.plusSeconds(45), T0.plusSeconds(3600), 0, 10))
                .extracting(ContactResponse::pid)
                .containsExactly(10L);
    }

    @Test
    void filtersCombineAndPagesKeepReceiptOrder() {
        SocketEventFilter curlTo443 =
                new SocketEventFilter(null, null, null, IOC, 443, List.of(), null, "/usr/bin/curl");
        assertThat(search.count(curlTo443)).isEqualTo(3);
        assertThat(search.page(curlTo443, 1, 2))
                .extracting(SocketEventResponse::hostId, SocketEventResponse::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("h1", T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("h2", T0.plusSeconds(3600)));
        SocketEventFilter local =
                new SocketEventFilter("h2", T0, T0.plusSeconds(11), List.of(), null, List.of("10.0.0.1"), 40000, null);
        assertThat(search.page(local, 0, 10))
                .extracting(SocketEventResponse::pid)
                .containsExactly(21L);
    }

    static StoredSocketEvent event(String host, long pid, String exe, String remote, int port, Instant time) {
        return new StoredSocketEvent(
                Seuid.next(),
                new SocketEventInput(
                        host, "connect", pid, 3L, exe, 1000L, true, 2, "tcp", "10.0.0.1", 40000, remote, port, time),
                time);
    }
}
