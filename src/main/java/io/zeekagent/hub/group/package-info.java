/** Groups of hosts defined over REST: name, description, subnets and explicit members, persisted and served. */
@NullMarked
package io.zeekagent.hub.group;

import org.jspecify.annotations.NullMarked;
