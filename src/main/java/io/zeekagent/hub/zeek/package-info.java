/**
 * The hub's side of the {@code zeek-agent-hub} Zeek package: answers Zeek's live attribution requests for conn.log
 * records from the attribution index and tells every Zeek that the hub is there ({@code docs/zeek-package.md}).
 */
@NullMarked
package io.zeekagent.hub.zeek;

import org.jspecify.annotations.NullMarked;
