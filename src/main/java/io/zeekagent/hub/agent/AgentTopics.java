package io.zeekagent.hub.agent;

/**
 * The v1 topics (DESIGN §5). ZeroMQ delivers by byte prefix, so receivers compare the exact topic.
 *
 * @param prefix the topic prefix, {@code /zeek/zeek-agent}
 * @param endpointName the hub's endpoint name, suffix of the results topic
 */
record AgentTopics(String prefix, String endpointName) {

    String announce() {
        return prefix + "/host_announce";
    }

    String allHosts() {
        return prefix + "/hosts";
    }

    String hostPrefix() {
        return prefix + "/host/";
    }

    String host(String hostId) {
        return hostPrefix() + hostId;
    }

    String group(String group) {
        return prefix + "/group/" + group;
    }

    /** The {@code resT} handed to agents and the topic the hub receives rows on. */
    String results() {
        return prefix + "/zeek/" + endpointName;
    }

    /** The host id of an individual host topic, or {@code null} for any other topic. */
    @org.jspecify.annotations.Nullable
    String hostIdOf(String topic) {
        if (!topic.startsWith(hostPrefix()) || topic.length() == hostPrefix().length()) {
            return null;
        }
        return topic.substring(hostPrefix().length());
    }
}
