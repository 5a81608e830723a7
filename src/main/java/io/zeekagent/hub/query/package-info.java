/** One-shot queries: sent once to each target host, answered rows collected and long-polled over REST. */
@NullMarked
package io.zeekagent.hub.query;

import org.jspecify.annotations.NullMarked;
