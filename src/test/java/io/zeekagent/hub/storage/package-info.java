/** Tests of the durable writer and its disk spool. */
@NullMarked
package io.zeekagent.hub.storage;

import org.jspecify.annotations.NullMarked;
