package io.zeekagent.hub.zeek;

/** Answers one attribution request; the seam between the wire and the attribution index. */
@FunctionalInterface
interface Attributor {

    /** The answer to {@code request}; may wait for the database (it runs on the bridge's dispatch thread). */
    AttributeAnswer attribute(AttributeRequest request);

    /**
     * Whether {@link #attribute} answers right now without waiting for anything (memory alone), so that a request
     * may be answered on the bridge's socket thread.
     */
    default boolean answersAtOnce() {
        return true;
    }
}
