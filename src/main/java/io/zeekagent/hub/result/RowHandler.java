package io.zeekagent.hub.result;

/** Takes result rows whose cookies are not subscription ids (one-shot queries); a Spring bean is picked up. */
public interface RowHandler {

    /** Whether this handler owns the cookie. */
    boolean handles(String cookie);

    /** Takes a row of a cookie it owns; returns false when the cookie names nothing it knows. */
    boolean accept(AgentRow row);
}
