package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link UserNames}. */
class UserNamesTests {

    final UserNames users = new UserNames();

    @Test
    void learnsTheV2AgentsAndOsquerysUsersRows() {
        users.learn(
                "h1",
                List.of("name", "full_name", "uid", "gid"),
                new Object[] {"alice", "Alice", "1000", 1000L},
                false);
        users.learn(
                "h2",
                List.of("uid", "gid", "username", "directory"),
                new Object[] {501L, 20L, "bob", "/Users/bob"},
                false);
        assertThat(users.name("h1", 1000L)).isEqualTo("alice");
        assertThat(users.name("h2", 501L)).isEqualTo("bob");
        assertThat(users.name("h2", 1000L)).isNull();
        assertThat(users.name("h1", null)).isNull();
        assertThat(users.size()).isEqualTo(2);
    }

    @Test
    void prefersUsernameOverNameAndSkipsNonNumericUids() {
        users.learn("h", List.of("name", "uid", "username"), new Object[] {"Alice A.", 7L, "alice"}, false);
        users.learn("w", List.of("name", "uid"), new Object[] {"carol", "S-1-5-21-1004"}, false);
        assertThat(users.name("h", 7L)).isEqualTo("alice");
        assertThat(users.size()).isEqualTo(1);
    }

    @Test
    void forgetsARemovedUserAndAWholeHost() {
        users.learn("h", List.of("name", "uid"), new Object[] {"alice", 1000L}, false);
        users.learn("h", List.of("name", "uid"), new Object[] {"bob", 1001L}, false);
        users.learn("h", List.of("name", "uid"), new Object[] {"alice", 1000L}, true);
        assertThat(users.name("h", 1000L)).isNull();
        assertThat(users.name("h", 1001L)).isEqualTo("bob");
        users.forgetHost("h");
        assertThat(users.name("h", 1001L)).isNull();
    }

    @Test
    void keepsAtMostItsCapPerHostAndCountsTheRest() {
        for (long uid = 0; uid < UserNames.MAX_PER_HOST + 5; uid++) {
            users.learn("h", List.of("name", "uid"), new Object[] {"u" + uid, uid}, false);
        }
        assertThat(users.size()).isEqualTo(UserNames.MAX_PER_HOST);
        assertThat(users.dropped()).isEqualTo(5);
        users.learn("h", List.of("name", "uid"), new Object[] {"renamed", 0L}, false);
        assertThat(users.name("h", 0L)).isEqualTo("renamed");
    }

    @Test
    void recognisesUsersColumnsOnly() {
        assertThat(UserNames.describesUsers(List.of("uid", "username"))).isTrue();
        assertThat(UserNames.describesUsers(List.of("name", "uid"))).isTrue();
        assertThat(UserNames.describesUsers(List.of("uid", "gid"))).isFalse();
    }
}
