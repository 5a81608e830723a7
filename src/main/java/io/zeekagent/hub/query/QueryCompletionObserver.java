package io.zeekagent.hub.query;

/** Told when a one-shot query stops waiting for answers (every target answered or failed); must not block. */
public interface QueryCompletionObserver {

    /** The query {@code queryId} sent to {@code hosts} hosts is complete. */
    void completed(String queryId, String query, int hosts);
}
