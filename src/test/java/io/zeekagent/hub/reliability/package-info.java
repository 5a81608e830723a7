/**
 * The reliability campaign: the hub under kill -9, SIGTERM, a database outage, hostile HTTP and wire traffic, and
 * agent load, each test printing its figures with {@code BenchReport} (docs/reliability.md).
 */
@NullMarked
package io.zeekagent.hub.reliability;

import org.jspecify.annotations.NullMarked;
