/** The hub's activity log, the seed's zeek-agent.log: a Zeek ASCII log file plus persisted entries served over REST. */
@NullMarked
package io.zeekagent.hub.activity;

import org.jspecify.annotations.NullMarked;
