package io.zeekagent.hub.zeromq;

/** A handler registered with {@link AgentChannel#subscribe}; closing it unregisters the handler. */
public interface Subscription extends AutoCloseable {

    /** The topic prefix this subscription matches. */
    String topicPrefix();

    /** Unregisters the handler; idempotent. */
    @Override
    void close();
}
