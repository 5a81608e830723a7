package io.zeekagent.hub.attribution;

import java.util.List;

/**
 * Attributes groups of connections into reusable collectors: {@link TieredAttributor} on one node (memory, then
 * the database), {@link RoutedAttributor} across replicas ({@code hub.cluster.engine=kafka} with index partitions).
 */
interface ConnectionAttributor {

    /** Attributes the first {@code n} connections, each into its collector and completeness. */
    void attributeAll(List<ConnectionTuple> tuples, List<MatchCollector> outs, List<Completeness> states, int n);

    /** Whether grouping lines pays off now (a group shares cold statements or peer calls). */
    boolean mayNeedCold();

    /** Attributes one connection. */
    default void attribute(ConnectionTuple c, MatchCollector out, Completeness state) {
        attributeAll(List.of(c), List.of(out), List.of(state), 1);
    }
}
