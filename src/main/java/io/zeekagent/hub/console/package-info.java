/**
 * The console at {@code /console/}: static pages and ES modules that read the REST API with the API key the user
 * types in, and the recent series of the hub's own meters that its Flow page draws.
 */
@NullMarked
package io.zeekagent.hub.console;

import org.jspecify.annotations.NullMarked;
