/**
 * The Broker-compatible ZeroMQ bridge: Zeek's cluster-backend XPUB/XSUB framing, an embedded proxy, and the small
 * {@link io.zeekagent.hub.zeromq.AgentChannel} API the rest of the hub talks to agents through.
 */
@NullMarked
package io.zeekagent.hub.zeromq;

import org.jspecify.annotations.NullMarked;
