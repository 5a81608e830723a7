/** Connection attribution: the in-memory socket-event index, the matcher, Community ID and conn.log enrichment. */
@NullMarked
package io.zeekagent.hub.attribution;

import org.jspecify.annotations.NullMarked;
