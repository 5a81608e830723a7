/** A simulator of v1 Zeek Agents over real ZeroMQ: the fixture of end-to-end tests, benchmarks and demos. */
@NullMarked
package io.zeekagent.hub.agent.sim;

import org.jspecify.annotations.NullMarked;
