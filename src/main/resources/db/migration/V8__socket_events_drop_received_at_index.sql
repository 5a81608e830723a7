-- Retention finds its cutoff by a binary search over the primary key (ids follow receipt order) and the index
-- rebuild reads by id, so no query needs this index any more. It cost every ingested event one more B-tree insert
-- (and every event deleted at the max-events cap one more removal): on H2 the ingestion benchmark's raw insert went
-- from 51,000-58,000 to 72,000-76,000 rows/s without it, in alternating runs on the same machine.
DROP INDEX socket_events_received_at_idx;
