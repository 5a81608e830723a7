-- H2 only. An identity column's sequence hands out 32 values from memory and then persists the next limit, and on
-- H2 that persisting is a commit of the whole store: with WRITE_DELAY=0 (each commit on disk before it returns) it
-- serialised every page the running batch had dirtied, once per 32 inserted rows. In the ingestion profile it was
-- 56 % of the socket-event writer's CPU (org.h2.schema.Sequence.flush under every insert). A cache of 100,000 makes
-- it one extra store per 100,000 rows. Nothing acknowledged is at stake: the sequence's persisted limit stays ahead
-- of every id handed out, so after a crash ids skip the unused part of the cache (a gap, never a reuse), and ids
-- still follow insertion order, which retention's binary search over the primary key relies on.
ALTER TABLE socket_events ALTER COLUMN id SET CACHE 100000;
ALTER TABLE results ALTER COLUMN id SET CACHE 100000;
ALTER TABLE activity ALTER COLUMN id SET CACHE 100000;
ALTER TABLE deliveries ALTER COLUMN id SET CACHE 100000;
ALTER TABLE one_shot_query_rows ALTER COLUMN id SET CACHE 100000;
