package io.zeekagent.hub.websocket;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The topics of {@code agent-protocols.md} §2.4, as the agent subscribes and publishes them. */
final class V2Topics {

    static final String QUERY_PREFIX = "/zeek-agent/query/";
    static final String RESPONSE_PREFIX = "/zeek-agent/response/";
    static final String GROUP_ALL = QUERY_PREFIX + "group/all";

    private V2Topics() {}

    /** Where queries for one agent go. */
    static String host(String agentId) {
        return QUERY_PREFIX + "host/" + agentId;
    }

    /** Group broadcast; the agent lower-cases its groups. */
    static String group(String group) {
        return QUERY_PREFIX + "group/" + group.toLowerCase(Locale.ROOT);
    }

    /** Where an agent sends its results and errors for the hub's queries. */
    static String response(String zeekInstance, String agentId) {
        return RESPONSE_PREFIX + zeekInstance + "/" + agentId;
    }

    /** Where an agent sends hello and shutdown. */
    static String responseAll(String agentId) {
        return RESPONSE_PREFIX + "all/" + agentId;
    }

    /** The agent id a response topic ends with, or {@code null} for another topic. */
    static @Nullable String agentIdOf(String topic) {
        if (!topic.startsWith(RESPONSE_PREFIX)) {
            return null;
        }
        int slash = topic.lastIndexOf('/');
        return slash < RESPONSE_PREFIX.length() || slash == topic.length() - 1 ? null : topic.substring(slash + 1);
    }
}
