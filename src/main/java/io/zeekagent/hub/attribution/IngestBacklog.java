package io.zeekagent.hub.attribution;

/**
 * Whether committed-but-not-yet-indexed or buffered socket events exist; ingestion implements it so attribution
 * can say an answer for a recent connection may still be missing events ({@code ingest-backlog}).
 */
@FunctionalInterface
public interface IngestBacklog {

    /** Events wait in the writer's buffer now. */
    boolean pending();
}
