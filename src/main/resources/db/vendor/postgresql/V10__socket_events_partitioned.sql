-- Attribution's cold tier (docs/attribution.md "Tiers"): socket_events becomes partitioned by receipt time (hourly
-- partitions, created ahead and dropped past retention by ingest.SocketEventPartitions), with one compact index
-- (k, event_time) for the (host, ports, time) probe. k is the index key of an event, the database twin of the
-- in-memory key: 30 bits of MD5(host_id), which ports are set (bit 33 local, bit 32 remote), the ports; Java computes
-- the same value (attribution.ColdKey). A generated column, so the COPY path does not change.
--
-- Conversion of an existing table: every row is copied (ids kept) into the new partitions, then the old table is
-- dropped, in this migration's one transaction. Cost: one sequential read plus one insert per row with its three
-- index entries; see docs/attribution.md ("Migration") for the measured time per million rows.
ALTER TABLE socket_events RENAME TO socket_events_v9;
ALTER TABLE socket_events_v9 RENAME CONSTRAINT socket_events_seuid_uk TO socket_events_v9_seuid_uk;
ALTER TABLE socket_events_v9 RENAME CONSTRAINT socket_events_pkey TO socket_events_v9_pkey;
ALTER INDEX socket_events_host_id_idx RENAME TO socket_events_v9_host_id_idx;

-- PostgreSQL 15 allows no identity column on a partitioned table: a plain sequence continues the old ids.
CREATE SEQUENCE socket_events_ids;
SELECT setval('socket_events_ids', COALESCE((SELECT MAX(id) FROM socket_events_v9), 0) + 1, false);

CREATE TABLE socket_events (
    id             BIGINT        NOT NULL DEFAULT nextval('socket_events_ids'),
    seuid          VARCHAR(32)   NOT NULL,
    host_id        VARCHAR(255)  NOT NULL,
    syscall        VARCHAR(64),
    pid            BIGINT,
    fd             BIGINT,
    exe            VARCHAR(4096),
    uid            BIGINT,
    success        BOOLEAN,
    family         INTEGER,
    protocol       VARCHAR(8),
    local_address  VARCHAR(64),
    local_port     INTEGER,
    remote_address VARCHAR(64),
    remote_port    INTEGER,
    event_time     TIMESTAMP WITH TIME ZONE,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    k              BIGINT GENERATED ALWAYS AS (
        ((('x' || substr(md5(host_id), 1, 8))::bit(32)::bigint & 1073741823) << 34)
        | ((CASE WHEN COALESCE(local_port, 0) BETWEEN 1 AND 65535 THEN 2 ELSE 0 END
            + CASE WHEN COALESCE(remote_port, 0) BETWEEN 1 AND 65535 THEN 1 ELSE 0 END)::bigint << 32)
        | ((CASE WHEN COALESCE(local_port, 0) BETWEEN 1 AND 65535 THEN local_port ELSE 0 END)::bigint << 16)
        | (CASE WHEN COALESCE(remote_port, 0) BETWEEN 1 AND 65535 THEN remote_port ELSE 0 END)::bigint) STORED,
    -- A unique constraint of a partitioned table must include the partition key.
    CONSTRAINT socket_events_pkey PRIMARY KEY (id, received_at),
    CONSTRAINT socket_events_seuid_uk UNIQUE (seuid, received_at)
) PARTITION BY RANGE (received_at);
ALTER SEQUENCE socket_events_ids OWNED BY socket_events.id;

CREATE INDEX socket_events_host_id_idx ON socket_events (host_id);
CREATE INDEX socket_events_k_time_idx ON socket_events (k, event_time);

-- Rows outside every hourly partition (the maintainer late, a clock jump) land here instead of failing the insert.
CREATE TABLE socket_events_default PARTITION OF socket_events DEFAULT;

-- Hourly partitions for the existing rows and the next six hours, named socket_events_pYYYYMMDDHH (UTC).
DO $$
DECLARE
    first_hour TIMESTAMP;
    last_hour  TIMESTAMP;
    h          TIMESTAMP;
BEGIN
    SELECT date_trunc('hour', COALESCE(MIN(received_at), now()) AT TIME ZONE 'UTC') INTO first_hour
        FROM socket_events_v9;
    last_hour := date_trunc('hour', now() AT TIME ZONE 'UTC') + interval '6 hours';
    h := first_hour;
    WHILE h <= last_hour LOOP
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF socket_events FOR VALUES FROM (%L) TO (%L)',
            'socket_events_p' || to_char(h, 'YYYYMMDDHH24'),
            to_char(h, 'YYYY-MM-DD HH24:MI:SS') || '+00',
            to_char(h + interval '1 hour', 'YYYY-MM-DD HH24:MI:SS') || '+00');
        h := h + interval '1 hour';
    END LOOP;
END
$$;

INSERT INTO socket_events (id, seuid, host_id, syscall, pid, fd, exe, uid, success, family, protocol, local_address,
                           local_port, remote_address, remote_port, event_time, received_at)
SELECT id, seuid, host_id, syscall, pid, fd, exe, uid, success, family, protocol, local_address,
       local_port, remote_address, remote_port, event_time, received_at
FROM socket_events_v9;

DROP TABLE socket_events_v9;
