/**
 * Cross-cutting concerns: RFC 9457 problem details, OpenAPI metadata, and telling a database outage from a failing
 * write.
 */
@NullMarked
package io.zeekagent.hub.system;

import org.jspecify.annotations.NullMarked;
