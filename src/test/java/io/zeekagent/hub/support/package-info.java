/** Test support shared by features: the real PostgreSQL with a private schema per test run. */
@NullMarked
package io.zeekagent.hub.support;

import org.jspecify.annotations.NullMarked;
