package io.zeekagent.hub.dispatch;

/**
 * The arguments of a one-shot query.
 *
 * @param cookie the cookie answers come back with (the one-shot query's cookie)
 * @param event the response event name agents send rows as
 * @param query the SQL
 */
public record ExecuteCommand(String cookie, String event, String query) {}
