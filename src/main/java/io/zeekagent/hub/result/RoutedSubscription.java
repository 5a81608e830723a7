package io.zeekagent.hub.result;

import java.util.List;

/**
 * What routing a row needs to know about its subscription.
 *
 * @param id the subscription id (the cookie)
 * @param columns column names in SELECT order
 * @param socketEvents whether rows are socket events (to the ingest feature) rather than stored results
 */
public record RoutedSubscription(String id, List<String> columns, boolean socketEvents) {

    public RoutedSubscription {
        columns = List.copyOf(columns);
    }
}
