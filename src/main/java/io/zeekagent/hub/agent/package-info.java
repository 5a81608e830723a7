/** The v1 Zeek Agent wire protocol over ZeroMQ: events to and from agents, registration and liveness. */
@NullMarked
package io.zeekagent.hub.agent;

import org.jspecify.annotations.NullMarked;
