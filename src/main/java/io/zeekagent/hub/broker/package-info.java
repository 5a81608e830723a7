/** Broker data model and the broker-bin-v1 / broker-json-v1 codecs that carry Zeek events on the wire. */
@NullMarked
package io.zeekagent.hub.broker;

import org.jspecify.annotations.NullMarked;
