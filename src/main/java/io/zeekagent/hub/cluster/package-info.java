/**
 * Hub replicas ({@code hub.cluster.engine}): which replica owns which host, replica leases, the leader that runs the
 * singleton sweeps. Behind small interfaces ({@link io.zeekagent.hub.cluster.HostOwnership}, {@link
 * io.zeekagent.hub.cluster.Leadership}) whose embedded implementations are the single-node behaviour; the
 * {@code kafka} engine keeps the shared state in PostgreSQL.
 */
@NullMarked
package io.zeekagent.hub.cluster;

import org.jspecify.annotations.NullMarked;
