package io.zeekagent.hub.reliability;

import java.util.StringJoiner;

/**
 * Socket events that the campaign can attribute afterwards: host {@code hostId} at {@link #HOST_ADDRESS} connected
 * from a port unique to the event (so one attribution names exactly one seuid) to {@link #SERVER}:443.
 */
final class SocketEvents {

    static final String HOST_ADDRESS = "10.77.0.1";
    static final String SERVER = "93.184.216.34";

    private SocketEvents() {}

    /** The local port of event number {@code n} (1024..65023, unique for 64,000 events). */
    static int port(long n) {
        return (int) (1024 + n % 64_000);
    }

    /** A JSON array of {@code count} connect events numbered from {@code first}, at epoch second {@code time}. */
    static String batch(String hostId, long first, int count, long time) {
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (long n = first; n < first + count; n++) {
            events.add("{\"hostId\":\"" + hostId + "\",\"syscall\":\"connect\",\"pid\":" + (1000 + n)
                    + ",\"exe\":\"/usr/bin/curl\",\"uid\":1000,\"success\":true,\"family\":2,\"protocol\":\"tcp\","
                    + "\"localAddress\":\"" + HOST_ADDRESS + "\",\"localPort\":" + port(n) + ",\"remoteAddress\":\""
                    + SERVER + "\",\"remotePort\":443,\"time\":" + time + "}");
        }
        return events.toString();
    }

    /** The conn.log record of event number {@code n}, for {@code POST /api/v1/attributions}. */
    static String connection(long n, long time) {
        return "{\"uid\":\"C" + n + "\",\"ts\":" + time + ",\"id.orig_h\":\"" + HOST_ADDRESS + "\",\"id.orig_p\":"
                + port(n) + ",\"id.resp_h\":\"" + SERVER + "\",\"id.resp_p\":443,\"proto\":\"tcp\"}";
    }
}
