-- Hosts, groups and subscriptions. Portable SQL: runs unchanged on H2 and PostgreSQL.

create table hosts (
    host_id       varchar(255)             not null,
    hostname      varchar(255),
    peer_name     varchar(255),
    agent_version varchar(64),
    edition       varchar(64),
    transport     varchar(32),
    status        varchar(16)              not null,
    first_seen    timestamp with time zone,
    last_seen     timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null,
    constraint pk_hosts primary key (host_id)
);
create index ix_hosts_status on hosts (status);

-- Addresses are stored in canonical text (IPv4 dotted quad, IPv6 RFC 5952, IPv4-mapped as IPv4).
create table host_announced_addresses (
    host_id varchar(255) not null,
    address varchar(64)  not null,
    constraint pk_host_announced_addresses primary key (host_id, address),
    constraint fk_host_announced_addresses_host foreign key (host_id) references hosts (host_id) on delete cascade
);
create index ix_host_announced_addresses_address on host_announced_addresses (address);

create table host_assigned_addresses (
    host_id varchar(255) not null,
    address varchar(64)  not null,
    constraint pk_host_assigned_addresses primary key (host_id, address),
    constraint fk_host_assigned_addresses_host foreign key (host_id) references hosts (host_id) on delete cascade
);
create index ix_host_assigned_addresses_address on host_assigned_addresses (address);

-- Groups an agent announced need not be defined groups, so no foreign key to agent_groups.
create table host_announced_groups (
    host_id    varchar(255) not null,
    group_name varchar(255) not null,
    constraint pk_host_announced_groups primary key (host_id, group_name),
    constraint fk_host_announced_groups_host foreign key (host_id) references hosts (host_id) on delete cascade
);
create index ix_host_announced_groups_group on host_announced_groups (group_name);

create table agent_groups (
    name        varchar(64)              not null,
    description varchar(1024),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint pk_agent_groups primary key (name)
);

create table agent_group_subnets (
    group_name varchar(64) not null,
    subnet     varchar(64) not null,
    constraint pk_agent_group_subnets primary key (group_name, subnet),
    constraint fk_agent_group_subnets_group foreign key (group_name) references agent_groups (name) on delete cascade
);

-- Explicit members may name hosts not seen yet, so no foreign key to hosts.
create table agent_group_hosts (
    group_name varchar(64)  not null,
    host_id    varchar(255) not null,
    constraint pk_agent_group_hosts primary key (group_name, host_id),
    constraint fk_agent_group_hosts_group foreign key (group_name) references agent_groups (name) on delete cascade
);
create index ix_agent_group_hosts_host on agent_group_hosts (host_id);

create table subscriptions (
    id               varchar(64)              not null,
    name             varchar(128)             not null,
    query            varchar(10000)           not null,
    event            varchar(255)             not null,
    interval_seconds integer                  not null,
    update_type      varchar(16)              not null,
    kind             varchar(16)              not null,
    enabled          boolean                  not null,
    revision         bigint                   not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint pk_subscriptions primary key (id)
);

create table subscription_columns (
    subscription_id varchar(64)  not null,
    column_index    integer      not null,
    column_name     varchar(255) not null,
    constraint pk_subscription_columns primary key (subscription_id, column_index),
    constraint fk_subscription_columns_subscription foreign key (subscription_id) references subscriptions (id) on delete cascade
);

create table subscription_hosts (
    subscription_id varchar(64)  not null,
    host_id         varchar(255) not null,
    constraint pk_subscription_hosts primary key (subscription_id, host_id),
    constraint fk_subscription_hosts_subscription foreign key (subscription_id) references subscriptions (id) on delete cascade
);

-- Targeted groups must be defined: a group still targeted cannot be deleted.
create table subscription_groups (
    subscription_id varchar(64) not null,
    group_name      varchar(64) not null,
    constraint pk_subscription_groups primary key (subscription_id, group_name),
    constraint fk_subscription_groups_subscription foreign key (subscription_id) references subscriptions (id) on delete cascade,
    constraint fk_subscription_groups_group foreign key (group_name) references agent_groups (name)
);
create index ix_subscription_groups_group on subscription_groups (group_name);
