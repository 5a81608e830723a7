-- No query can use it: the REST filter reads COALESCE(event_time, received_at), retention and the index rebuild
-- go by received_at and id. It only cost every ingested event one more random B-tree insert (~10-15 % of the
-- insert work on H2 and PostgreSQL, measured with the ingestion benchmark's raw insert).
DROP INDEX socket_events_event_time_idx;
