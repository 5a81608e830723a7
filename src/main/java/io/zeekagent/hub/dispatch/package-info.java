/** The scheduled reconciler that keeps every online agent running exactly the subscriptions that target it. */
@NullMarked
package io.zeekagent.hub.dispatch;

import org.jspecify.annotations.NullMarked;
