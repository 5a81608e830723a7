package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Tests for {@link JdbcClusterPeers} on an in-memory table, including the table becoming unreadable. */
class JdbcClusterPeersTests {

    private final JdbcTemplate jdbc = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:h2:mem:peers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));

    @Test
    void liveReplicasAddressesAndTheLastOnesKeptWhileTheDatabaseCannotBeRead() throws InterruptedException {
        jdbc.execute("create table hub_replicas (replica_id varchar(100) primary key, rest_url varchar(200),"
                + " api_url varchar(200), lease_until timestamp with time zone)");
        jdbc.update(
                "insert into hub_replicas values ('b', 'http://b:8080', 'http://b:8081/', now() + interval '1' minute)");
        jdbc.update("insert into hub_replicas values ('c', 'http://c:8080/', null, now() + interval '1' minute)");
        jdbc.update("insert into hub_replicas values ('gone', 'http://g', null, now() - interval '1' minute)");
        JdbcClusterPeers peers = new JdbcClusterPeers(jdbc, "a", 0);

        assertThat(peers.self()).isEqualTo("a");
        assertThat(peers.apiUrl("b")).contains("http://b:8081");
        assertThat(peers.apiUrl("c")).as("rest_url when api_url is unset").contains("http://c:8080");
        assertThat(peers.apiUrl("gone")).as("lease expired").isEmpty();

        // The database goes away (here: the table), between two refreshes.
        jdbc.execute("drop table hub_replicas");
        Thread.sleep(150);

        assertThat(peers.apiUrl("b")).as("the last address read, not an error").contains("http://b:8081");
        assertThat(peers.apiUrl("unknown")).isEmpty();
    }
}
