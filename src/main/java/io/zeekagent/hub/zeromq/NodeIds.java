package io.zeekagent.hub.zeromq;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Node ids in the style of Zeek's {@code zeromq_<node>_<host>_<pid>_<unique_id("N")>}: unique per process and per
 * bridge, and readable in Zeek's logs.
 */
final class NodeIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private NodeIds() {}

    /** A fresh node id starting with {@code prefix}. */
    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix)
                .append('_')
                .append(hostName())
                .append('_')
                .append(ProcessHandle.current().pid())
                .append("_N");
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.append(SEQUENCE.incrementAndGet()).toString();
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9-]", "-");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
