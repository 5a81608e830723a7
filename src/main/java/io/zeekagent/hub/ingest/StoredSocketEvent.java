package io.zeekagent.hub.ingest;

import io.zeekagent.hub.attribution.SocketEventEntry;
import java.time.Instant;

/** A validated event with the seuid and receipt time the hub gave it; what is written and then indexed. */
public record StoredSocketEvent(String seuid, SocketEventInput input, Instant receivedAt) {

    public SocketEventEntry toEntry() {
        return new SocketEventEntry(
                seuid,
                input.hostId(),
                input.syscall(),
                input.pid(),
                input.exe(),
                input.uid(),
                input.protocol(),
                input.localAddress(),
                input.localPort(),
                input.remoteAddress(),
                input.remotePort(),
                input.time(),
                receivedAt);
    }

    static SocketEventEntry entry(SocketEventResponse r) {
        return new SocketEventEntry(
                r.seuid(),
                r.hostId(),
                r.syscall(),
                r.pid(),
                r.exe(),
                r.uid(),
                r.protocol(),
                r.localAddress(),
                r.localPort(),
                r.remoteAddress(),
                r.remotePort(),
                r.time(),
                r.receivedAt());
    }
}
