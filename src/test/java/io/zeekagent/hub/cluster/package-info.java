/** Tests of hub replicas: ownership, leases, leader, engine selection. */
@NullMarked
package io.zeekagent.hub.cluster;

import org.jspecify.annotations.NullMarked;
