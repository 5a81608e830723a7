/** Benchmarks of the attribution hot paths: runnable mains that print figures, never unit tests. */
@NullMarked
package io.zeekagent.hub.attribution.bench;

import org.jspecify.annotations.NullMarked;
