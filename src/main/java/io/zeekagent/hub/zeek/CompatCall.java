package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A control event of the zeek-agent-hub/compat script API, read as strictly as Zeek reads what it receives
 * (docs/zeek-package.md, "Coming from the zeek-agent framework"). Every call names the calling Zeek ({@code zeek},
 * stable across its restarts: the owner) and the process's inbox (where rows and answers go).
 */
sealed interface CompatCall {

    /** Owner names are what a Zeek calls itself: a cluster node name or a host name. */
    Pattern ZEEK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,100}");

    /** The owner as stored on subscriptions and groups. */
    String owner();

    /** The inbox of the calling process. */
    String inbox();

    /** {@code compat_subscribe} ({@code subscribe}) or {@code compat_unsubscribe}. */
    record Subscribe(
            boolean subscribe,
            String owner,
            String inbox,
            String event,
            List<CompatColumnType> columns,
            String query,
            String utype,
            long intervalSeconds,
            String cookie,
            Set<String> hosts,
            Set<String> groups)
            implements CompatCall {

        /**
         * The subscription's id in the hub (and its cookie on the agent wire): a digest of the owner and everything
         * the seed compared, the cookie included, so that a replay finds the same subscription and two calls that
         * differ only by cookie are two subscriptions.
         */
        String subscriptionId() {
            return "zeek-"
                    + digest(
                            owner,
                            event,
                            query,
                            utype,
                            Long.toString(intervalSeconds),
                            cookie,
                            hosts.toString(),
                            groups.toString());
        }
    }

    /** {@code compat_execute}: a one-shot query; {@code execId} tells a replay from a new call. */
    record Execute(
            String owner,
            String inbox,
            String execId,
            String event,
            List<CompatColumnType> columns,
            String query,
            String cookie,
            Set<String> hosts,
            Set<String> groups)
            implements CompatCall {}

    /** {@code compat_join} ({@code join}) or {@code compat_leave}: subnets of a group. */
    record Grouping(boolean join, String owner, String inbox, List<String> subnets, String group)
            implements CompatCall {}

    /**
     * Reads a control event.
     *
     * @throws BrokerFormatException for an unknown name, a wrong argument count or type, an invalid Zeek name,
     *     inbox, update type, event signature or subnet
     */
    static CompatCall from(ZeekEvent event) {
        List<BrokerValue> a = event.args();
        String name = event.name();
        switch (name) {
            case CompatEvents.SUBSCRIBE, CompatEvents.UNSUBSCRIBE -> {
                arity(name, a, 10);
                String utype = a.get(5).asString();
                if (!Set.of("ADDED", "REMOVED", "BOTH").contains(utype)) {
                    throw new BrokerFormatException("utype must be ADDED, REMOVED or BOTH, got '" + utype + "'");
                }
                long inter = a.get(6).asCount();
                if (inter < 1 || inter > 86_400) {
                    throw new BrokerFormatException("inter must be 1..86400 seconds, got " + inter);
                }
                return new Subscribe(
                        name.equals(CompatEvents.SUBSCRIBE),
                        owner(a.get(0)),
                        inbox(a.get(1)),
                        eventName(a.get(2)),
                        CompatSignature.columns(a.get(3).asString()),
                        a.get(4).asString(),
                        utype,
                        inter,
                        a.get(7).asString(),
                        names(a.get(8)),
                        names(a.get(9)));
            }
            case CompatEvents.EXECUTE -> {
                arity(name, a, 9);
                return new Execute(
                        owner(a.get(0)),
                        inbox(a.get(1)),
                        a.get(2).asString(),
                        eventName(a.get(3)),
                        CompatSignature.columns(a.get(4).asString()),
                        a.get(5).asString(),
                        a.get(6).asString(),
                        names(a.get(7)),
                        names(a.get(8)));
            }
            case CompatEvents.JOIN, CompatEvents.LEAVE -> {
                arity(name, a, 4);
                List<String> subnets = new ArrayList<>();
                for (BrokerValue v : a.get(2).asVector()) {
                    subnets.add(v.asSubnet().toString());
                }
                String group = a.get(3).asString();
                if (group.isBlank() || group.length() > 64) {
                    throw new BrokerFormatException("group must be 1..64 characters");
                }
                return new Grouping(name.equals(CompatEvents.JOIN), owner(a.get(0)), inbox(a.get(1)), subnets, group);
            }
            default -> throw new BrokerFormatException("not a compat control event: " + name);
        }
    }

    private static void arity(String name, List<BrokerValue> args, int expected) {
        if (args.size() != expected) {
            throw new BrokerFormatException(name + " takes " + expected + " arguments, got " + args.size());
        }
    }

    private static String owner(BrokerValue v) {
        String zeek = v.asString();
        if (!ZEEK_NAME.matcher(zeek).matches()) {
            throw new BrokerFormatException("zeek name '" + zeek + "' is not 1..101 of [A-Za-z0-9._:-]");
        }
        return "zeek:" + zeek;
    }

    private static String inbox(BrokerValue v) {
        String inbox = v.asString();
        if (!ZeekTopics.isInbox(inbox)) {
            throw new BrokerFormatException("inbox '" + inbox + "' is not a " + ZeekTopics.NODE_PREFIX + "<id>. topic");
        }
        return inbox;
    }

    private static String eventName(BrokerValue v) {
        String event = v.asString();
        if (!event.matches("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*") || event.length() > 255) {
            throw new BrokerFormatException("ev '" + event + "' is not a Zeek event name");
        }
        return event;
    }

    /** The non-empty strings of a vector of string (the seed's default is {@code vector("")}: nothing). */
    private static Set<String> names(BrokerValue v) {
        Set<String> out = new TreeSet<>();
        for (BrokerValue e : v.asVector()) {
            String s = e.asString();
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
