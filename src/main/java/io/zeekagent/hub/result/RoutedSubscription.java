package io.zeekagent.hub.result;

import java.util.List;

/**
 * What routing a row needs to know about its subscription.
 *
 * @param id the subscription id (the cookie)
 * @param columns column names in SELECT order
 * @param socketEvents whether rows are socket events (to the ingest feature) rather than stored results
 * @param readsUsers whether the query reads the {@code users} table (its rows teach attribution user names)
 */
public record RoutedSubscription(String id, List<String> columns, boolean socketEvents, boolean readsUsers) {

    public RoutedSubscription {
        columns = List.copyOf(columns);
    }

    public RoutedSubscription(String id, List<String> columns, boolean socketEvents) {
        this(id, columns, socketEvents, false);
    }
}
