package io.zeekagent.hub.query;

import java.util.List;
import java.util.Set;

/** What one-shot queries need from the host and subscription features; adapted to their services. */
interface QueryPlanner {

    /** Column names of a SELECT, in order; throws the subscription feature's 400 for invalid SQL. */
    List<String> columns(String sql);

    /** Whether a (valid) SELECT reads the {@code users} table alone (in a join, {@code name} may be another's). */
    default boolean readsUsers(String sql) {
        return false;
    }

    /** The named hosts ∪ the effective members of the named groups; every ONLINE host when both are empty. */
    List<QueryTarget> targets(Set<String> hosts, Set<String> groups);
}
