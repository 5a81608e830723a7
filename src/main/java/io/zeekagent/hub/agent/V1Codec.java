package io.zeekagent.hub.agent;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EnumValue;
import io.zeekagent.hub.broker.StringValue;
import io.zeekagent.hub.broker.VectorValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 agent events (DESIGN §5) ⇄ domain values, with exactly the argument types the agent parses. Decoding
 * rejects anything else with an {@link AgentProtocolException}.
 */
final class V1Codec {

    static final String HOST_NEW = "ZeekAgent::host_new";
    static final String HOST_SUBSCRIBE = "ZeekAgent::host_subscribe";
    static final String HOST_UNSUBSCRIBE = "ZeekAgent::host_unsubscribe";
    static final String HOST_EXECUTE = "ZeekAgent::host_execute";
    static final String HOST_JOIN = "ZeekAgent::host_join";
    static final String HOST_LEAVE = "ZeekAgent::host_leave";
    static final int MAX_ID_LENGTH = 255;

    private V1Codec() {}

    /** Decodes {@code host_new} in its 5-, 6- and 7-argument forms. */
    static HostAnnouncement decodeHostNew(ZeekEvent event) {
        if (!HOST_NEW.equals(event.name())) {
            throw new AgentProtocolException("expected " + HOST_NEW + " but got " + event.name());
        }
        List<BrokerValue> a = event.args();
        return switch (a.size()) {
            case 5 ->
                new HostAnnouncement(
                        string(a, 0, "peer_name"),
                        null,
                        hostId(a, 1),
                        strings(a, 2, "groups"),
                        string(a, 3, "version"),
                        string(a, 4, "edition"),
                        List.of());
            case 6, 7 ->
                new HostAnnouncement(
                        string(a, 0, "peer_name"),
                        string(a, 1, "hostname"),
                        hostId(a, 2),
                        strings(a, 3, "groups"),
                        string(a, 4, "version"),
                        string(a, 5, "edition"),
                        a.size() == 7 ? strings(a, 6, "ip_addrs") : List.of());
            default -> throw new AgentProtocolException(HOST_NEW + " must have 5, 6 or 7 arguments, got " + a.size());
        };
    }

    /** Decodes a result row: {@code [host_id, utype, cookie]} then one value per column. */
    static AgentRow decodeRow(ZeekEvent event, String transport, Instant receivedAt) {
        List<BrokerValue> a = event.args();
        if (a.isEmpty()
                || !(a.get(0) instanceof VectorValue header)
                || header.elements().size() != 3) {
            throw new AgentProtocolException(
                    "result row " + event.name() + " must start with [host_id, utype, cookie]");
        }
        List<BrokerValue> h = header.elements();
        if (!(h.get(0) instanceof StringValue host) || host.value().isEmpty()) {
            throw new AgentProtocolException("result row " + event.name() + ": host_id must be a non-empty string");
        }
        String utype = h.get(1) instanceof EnumValue e
                ? e.name()
                : h.get(1) instanceof StringValue s ? s.value() : "(" + h.get(1).type() + ")";
        RowUpdate update = RowUpdate.fromWire(utype)
                .orElseThrow(() ->
                        new AgentProtocolException("result row " + event.name() + ": unknown update type " + utype));
        if (!(h.get(2) instanceof StringValue cookie)) {
            throw new AgentProtocolException("result row " + event.name() + ": cookie must be a string");
        }
        return new AgentRow(host.value(), transport, update, cookie.value(), a.subList(1, a.size()), receivedAt);
    }

    static ZeekEvent subscribe(SubscriptionCommand c, String responseTopic) {
        return scheduled(HOST_SUBSCRIBE, c, responseTopic);
    }

    static ZeekEvent unsubscribe(SubscriptionCommand c, String responseTopic) {
        return scheduled(HOST_UNSUBSCRIBE, c, responseTopic);
    }

    static ZeekEvent execute(ExecuteCommand c, String responseTopic) {
        return ZeekEvent.of(
                HOST_EXECUTE,
                BrokerValue.string(c.event()),
                BrokerValue.string(c.query()),
                BrokerValue.string(c.cookie()),
                BrokerValue.string(responseTopic),
                BrokerValue.string("SNAPSHOT"));
    }

    static ZeekEvent join(String group) {
        return ZeekEvent.of(HOST_JOIN, BrokerValue.string(group));
    }

    static ZeekEvent leave(String group) {
        return ZeekEvent.of(HOST_LEAVE, BrokerValue.string(group));
    }

    private static ZeekEvent scheduled(String name, SubscriptionCommand c, String responseTopic) {
        return ZeekEvent.of(
                name,
                BrokerValue.string(c.event()),
                BrokerValue.string(c.query()),
                BrokerValue.string(c.cookie()),
                BrokerValue.string(responseTopic),
                BrokerValue.string(c.updateType()),
                BrokerValue.count(c.intervalSeconds()));
    }

    private static String string(List<BrokerValue> args, int i, String what) {
        if (args.get(i) instanceof StringValue s) {
            return s.value();
        }
        throw new AgentProtocolException(HOST_NEW + ": " + what + " (argument " + i + ") must be a string, got "
                + args.get(i).type());
    }

    private static String hostId(List<BrokerValue> args, int i) {
        String id = string(args, i, "host_id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new AgentProtocolException(
                    HOST_NEW + ": host_id must be 1.." + MAX_ID_LENGTH + " printable characters, got '" + id + "'");
        }
        return id;
    }

    private static List<String> strings(List<BrokerValue> args, int i, String what) {
        if (!(args.get(i) instanceof VectorValue vector)) {
            throw new AgentProtocolException(HOST_NEW + ": " + what + " (argument " + i + ") must be a vector, got "
                    + args.get(i).type());
        }
        List<String> out = new ArrayList<>(vector.elements().size());
        for (BrokerValue v : vector.elements()) {
            if (v instanceof StringValue s) {
                out.add(s.value());
            } else if (v instanceof AddressValue address) {
                // Lenient: a Zeek-side relay may have turned the strings into addresses.
                out.add(address.toString());
            } else {
                throw new AgentProtocolException(HOST_NEW + ": " + what + " must hold strings, got " + v.type());
            }
        }
        return out;
    }
}
