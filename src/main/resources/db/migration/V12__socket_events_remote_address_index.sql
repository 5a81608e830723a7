-- The IOC sweep (GET /api/v1/contacts, GET /api/v1/socket-events?remoteAddress=) reads every event with one remote
-- address among all stored ones; without an index that is a full scan of up to hub.attribution.max-events rows.
-- id second: the event list pages in id order within one address without a sort. This is the one index the
-- investigation reads add: each index costs every ingested event a B-tree insert (see V7, V8), and the other
-- filters (local address/port, exe, time) only narrow what this index or the host index finds.
CREATE INDEX socket_events_remote_address_idx ON socket_events (remote_address, id);
