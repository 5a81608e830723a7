package io.zeekagent.hub.attribution;

/**
 * One host's share of a connection's attribution, the unit routed to the replica holding the host's hot index.
 *
 * @param hostId the candidate host
 * @param sides which sides of {@code tuple} the host is a candidate for: bit {@link MatchCollector#ORIG} (its
 *     address is the originator's) and/or bit {@link MatchCollector#RESP}
 * @param tuple the connection
 */
record HostLookup(String hostId, int sides, ConnectionTuple tuple) {}
