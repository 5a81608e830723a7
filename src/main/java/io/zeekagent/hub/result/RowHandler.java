package io.zeekagent.hub.result;

import java.util.List;

/** Takes result rows whose cookies are not subscription ids (one-shot queries); a Spring bean is picked up. */
public interface RowHandler {

    /** Whether this handler owns the cookie. */
    boolean handles(String cookie);

    /** Takes a row of a cookie it owns; returns false when the cookie names nothing it knows. */
    boolean accept(AgentRow row);

    /**
     * The column names of the cookie's query when it reads the {@code users} table (its rows teach attribution user
     * names), else {@code null}.
     */
    default @org.jspecify.annotations.Nullable List<String> usersColumns(String cookie) {
        return null;
    }
}
