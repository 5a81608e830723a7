package io.zeekagent.hub.zeek;

/** Answers one attribution request; the seam between the wire and the attribution index. */
@FunctionalInterface
interface Attributor {

    /** The answer to {@code request}; never blocks on I/O (it runs on the bridge's dispatch thread). */
    AttributeAnswer attribute(AttributeRequest request);
}
