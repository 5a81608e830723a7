/** Result rows of subscriptions: routed by cookie, stored in batches, served over REST. */
@NullMarked
package io.zeekagent.hub.result;

import org.jspecify.annotations.NullMarked;
