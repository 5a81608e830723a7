-- Hub replicas (hub.cluster.engine=kafka, PostgreSQL only): which replica holds the hot attribution index of each
-- partition of the socket-event topic (consumer group hub.cluster.kafka.index-group). A replica upserts its
-- partitions on assignment (ready = false while it replays its hot window from Kafka, true once caught up) and
-- deletes its own rows on revocation. In the PostgreSQL folder: "partition" is a keyword in H2, and the kafka
-- engine runs on PostgreSQL only.
create table index_partitions (
    topic       text        not null,
    partition   int         not null,
    replica_id  text        not null,
    assigned_at timestamptz not null default now(),
    ready       boolean     not null default false,
    primary key (topic, partition)
);
