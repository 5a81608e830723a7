-- Hub replicas (hub.cluster.engine=kafka): a lease per replica and the owner of each host. Portable SQL: the
-- tables also exist on H2 and in single-node runs, where they stay empty.

-- A replica renews its lease every hub.cluster.heartbeat; the leader releases the hosts of an expired one.
create table hub_replicas (
    replica_id  varchar(128)             not null,
    rest_url    varchar(512)             not null,
    started_at  timestamp with time zone not null,
    lease_until timestamp with time zone not null,
    constraint pk_hub_replicas primary key (replica_id)
);

-- The replica an agent is connected to owns its host; owner_epoch rises with every change of owner so that a
-- claim is a compare-and-set. No foreign key: a host is claimed in the transaction that creates it.
create table host_owners (
    host_id       varchar(255)             not null,
    owner_replica varchar(128),
    owner_epoch   bigint                   not null,
    claimed_at    timestamp with time zone not null,
    constraint pk_host_owners primary key (host_id)
);
create index ix_host_owners_owner on host_owners (owner_replica);
