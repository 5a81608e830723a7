/** IP address and CIDR parsing shared by features that match hosts by address; pure Java, never resolves names. */
@NullMarked
package io.zeekagent.hub.net;

import org.jspecify.annotations.NullMarked;
