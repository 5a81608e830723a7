/** Hosts running a Zeek Agent: their identity, addresses, groups and liveness, persisted and served over REST. */
@NullMarked
package io.zeekagent.hub.host;

import org.jspecify.annotations.NullMarked;
