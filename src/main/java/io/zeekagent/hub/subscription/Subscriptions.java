package io.zeekagent.hub.subscription;

/** Limits shared by the request validation and the configuration. */
final class Subscriptions {

    static final int MAX_INTERVAL_SECONDS = 86_400;
    /** A Zeek event name, optionally module-qualified: {@code Module::name}. */
    static final String EVENT_PATTERN = "[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*";

    private Subscriptions() {}
}
