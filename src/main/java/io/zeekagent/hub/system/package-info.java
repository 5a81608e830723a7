/** Cross-cutting web configuration: RFC 9457 problem details and OpenAPI metadata. */
@NullMarked
package io.zeekagent.hub.system;

import org.jspecify.annotations.NullMarked;
