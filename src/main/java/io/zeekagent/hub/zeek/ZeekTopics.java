package io.zeekagent.hub.zeek;

/**
 * The wire contract's topics and event names (docs/zeek-package.md). Every topic ends with a dot so that no prefix
 * subscription of one matches another ({@code …node.N1.} vs {@code …node.N12.}), and none overlaps the agents'.
 */
final class ZeekTopics {

    /** Zeek → hub: attribution requests. */
    static final String REQUEST = "zeek-agent-hub.req.";

    /** Hub → every Zeek: the hello heartbeat. */
    static final String HELLO = "zeek-agent-hub.hello.";

    /** Hub → one Zeek process: {@code zeek-agent-hub.node.<Cluster::node_id()>.}, that process's inbox. */
    static final String NODE_PREFIX = "zeek-agent-hub.node.";

    static final String ATTRIBUTE_REQUEST = "ZeekAgentHub::attribute_request";
    static final String ATTRIBUTE_RESPONSE = "ZeekAgentHub::attribute_response";
    static final String HUB_HELLO = "ZeekAgentHub::hub_hello";

    private ZeekTopics() {}

    /** Whether {@code topic} is a well-formed inbox: the node prefix, a non-empty node id, a trailing dot. */
    static boolean isInbox(String topic) {
        return topic.length() > NODE_PREFIX.length() + 1 && topic.startsWith(NODE_PREFIX) && topic.endsWith(".");
    }
}
