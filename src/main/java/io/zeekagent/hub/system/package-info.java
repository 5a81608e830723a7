/**
 * Cross-cutting concerns: RFC 9457 problem details, OpenAPI metadata, and how the batch writers wait out a database
 * outage.
 */
@NullMarked
package io.zeekagent.hub.system;

import org.jspecify.annotations.NullMarked;
