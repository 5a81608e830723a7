-- Attribution's cold tier (docs/attribution.md "Tiers"): k is the index key of an event, the database twin of the
-- in-memory key: 30 bits of MD5(host_id), which ports are set (bit 33 local, bit 32 remote), the ports. Java computes
-- the same value (attribution.ColdKey) for its probes. A generated column, so the insert path does not change and
-- existing rows get theirs now. No index here: on H2 the cold tier is off by default (its ingestion is below target
-- already) and the (k, event_time) index is created when it is switched on (ingest.SocketEventColdStore).
ALTER TABLE socket_events ADD COLUMN k BIGINT GENERATED ALWAYS AS (
    BITOR(BITOR(BITOR(
        LSHIFT(CAST(BITAND(CAST(SUBSTRING(HASH('MD5', host_id), 1, 4) AS INT), 1073741823) AS BIGINT), 34),
        LSHIFT(CAST(CASE WHEN COALESCE(local_port, 0) BETWEEN 1 AND 65535 THEN 2 ELSE 0 END
                  + CASE WHEN COALESCE(remote_port, 0) BETWEEN 1 AND 65535 THEN 1 ELSE 0 END AS BIGINT), 32)),
        LSHIFT(CAST(CASE WHEN COALESCE(local_port, 0) BETWEEN 1 AND 65535 THEN local_port ELSE 0 END AS BIGINT), 16)),
        CAST(CASE WHEN COALESCE(remote_port, 0) BETWEEN 1 AND 65535 THEN remote_port ELSE 0 END AS BIGINT)));
