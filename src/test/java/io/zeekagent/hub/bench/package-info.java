/**
 * The benchmark suite of {@code bench/run.sh}: the shared figure format, a whole hub on random ports for the
 * end-to-end figures, the HTTP load client and the end-to-end benchmarks themselves (never unit tests).
 */
@NullMarked
package io.zeekagent.hub.bench;

import org.jspecify.annotations.NullMarked;
