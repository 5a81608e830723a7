/**
 * Stock osquery as a hub agent: the osquery TLS remote API (enroll, config, log, distributed read/write) on its own
 * TLS port, enroll secrets, node keys, the osquery config built from subscriptions, and result logs fed to ingestion
 * and results.
 */
@NullMarked
package io.zeekagent.hub.osquery;

import org.jspecify.annotations.NullMarked;
