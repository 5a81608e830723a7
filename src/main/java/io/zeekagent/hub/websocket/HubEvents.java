package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;

/**
 * The events the hub sends to v2 agents, playing the Zeek package's part (§2.5), with exactly the argument counts
 * the agent checks and only types its decoder accepts.
 */
final class HubEvents {

    static final String ZEEK_HELLO = "ZeekAgentAPI::zeek_hello_v1";
    static final String ZEEK_SHUTDOWN = "ZeekAgentAPI::zeek_shutdown_v1";
    static final String INSTALL_QUERY = "ZeekAgentAPI::install_query_v1";
    static final String CANCEL_QUERY = "ZeekAgentAPI::cancel_query_v1";

    private HubEvents() {}

    /**
     * {@code zeek_hello_v1(zeek_instance, [version_string, version_number, package_version])}. The package version
     * is left empty: a non-empty one below 2.0.2-8 would make the agent disable the hub.
     */
    static ZeekEvent zeekHello(String zeekInstance, String version, long versionNumber) {
        return ZeekEvent.of(
                ZEEK_HELLO,
                BrokerValue.string(zeekInstance),
                BrokerValue.vector(
                        BrokerValue.string(version), BrokerValue.count(versionNumber), BrokerValue.string("")));
    }

    static ZeekEvent zeekShutdown(String zeekInstance) {
        return ZeekEvent.of(ZEEK_SHUTDOWN, BrokerValue.string(zeekInstance));
    }

    static ZeekEvent installQuery(String zeekInstance, String queryId, V2Query query) {
        return ZeekEvent.of(
                INSTALL_QUERY, BrokerValue.string(zeekInstance), BrokerValue.string(queryId), query.toBroker());
    }

    static ZeekEvent cancelQuery(String zeekInstance, String queryId) {
        return ZeekEvent.of(CANCEL_QUERY, BrokerValue.string(zeekInstance), BrokerValue.string(queryId));
    }

    /** Zeek's version number convention: {@code major*10000 + minor*100 + patch} of {@code M.m.p[-...]}. */
    static long versionNumber(String version) {
        String[] parts = version.split("[.-]");
        long number = 0;
        for (int i = 0; i < 3; i++) {
            number *= 100;
            if (i < parts.length && !parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit)) {
                number += parts[i].length() > 2 ? 99 : Long.parseLong(parts[i]);
            }
        }
        return number;
    }
}
