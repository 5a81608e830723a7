/** Subscriptions: scheduled SQL queries for agents, validated with JSqlParser, persisted and served over REST. */
@NullMarked
package io.zeekagent.hub.subscription;

import org.jspecify.annotations.NullMarked;
