-- osquery hosts over the osquery TLS remote API (issue 19, docs/osquery.md). Portable SQL for H2 and PostgreSQL.

-- Enroll secrets: only their SHA-256 is kept; a secret may put the hosts enrolling with it into groups.
create table osquery_enroll_secrets (
    id          varchar(36)              not null,
    name        varchar(128)             not null,
    secret_hash varchar(64)              not null,
    group_names varchar(4000)            not null,
    created_at  timestamp with time zone not null,
    constraint pk_osquery_enroll_secrets primary key (id),
    constraint uq_osquery_enroll_secrets_hash unique (secret_hash)
);

-- One enrolled osquery node per host: the SHA-256 of its node key (the key itself is never stored), the instance
-- that enrolled, and what it said about itself. Deleting the host deletes the row, so its key stops working.
create table osquery_nodes (
    host_id          varchar(255)             not null,
    node_key_hash    varchar(64)              not null,
    instance_id      varchar(255),
    hostname         varchar(255),
    osquery_version  varchar(64),
    platform_type    varchar(32),
    group_names      varchar(4000)            not null,
    enrolled_at      timestamp with time zone not null,
    enrollments      bigint                   not null,
    constraint pk_osquery_nodes primary key (host_id),
    constraint uq_osquery_nodes_key unique (node_key_hash),
    constraint fk_osquery_nodes_host foreign key (host_id) references hosts (host_id) on delete cascade
);
