/** Tests for the webhook feature. */
@NullMarked
package io.zeekagent.hub.webhook;

import org.jspecify.annotations.NullMarked;
