/** Socket-event ingestion: the model, its JDBC batch writer, the agent-row mapping and the REST resource. */
@NullMarked
package io.zeekagent.hub.ingest;

import org.jspecify.annotations.NullMarked;
