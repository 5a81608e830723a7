package io.zeekagent.hub.attribution;

/**
 * One connection given in numbers, as Zeek's live requests carry it (addresses already 128-bit, ports and time
 * already typed), so the live path attributes without parsing text.
 *
 * @param origHi high 64 bits of the originator's address (IPv4 is IPv4-mapped)
 * @param origLo low 64 bits of the originator's address
 * @param origPort the originator's port
 * @param respHi high 64 bits of the responder's address
 * @param respLo low 64 bits of the responder's address
 * @param respPort the responder's port
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, anything else is unknown
 * @param tsMillis the connection's start in epoch milliseconds
 */
public record ConnectionQuery(
        long origHi,
        long origLo,
        int origPort,
        long respHi,
        long respLo,
        int respPort,
        String protocol,
        long tsMillis) {

    ConnectionTuple tuple() {
        return new ConnectionTuple(
                origHi, origLo, origPort, respHi, respLo, respPort, Transport.fromName(protocol), tsMillis);
    }
}
