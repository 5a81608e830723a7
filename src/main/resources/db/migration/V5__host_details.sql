-- What a Zeek Agent v2 says about its host in its hello (platform, operating system, kernel, tables), kept so that
-- it survives a restart and shows on the host resource. One row per host, replaced when the agent says something
-- new; v1 agents say none of it and have no row. Portable SQL: runs unchanged on H2 and PostgreSQL.

create table host_details (
    host_id        varchar(255)             not null,
    platform       varchar(64)              not null,
    os_name        varchar(255)             not null,
    kernel_name    varchar(255)             not null,
    kernel_version varchar(255)             not null,
    kernel_arch    varchar(64)              not null,
    agent_tables   varchar(8192)            not null,
    reported_at    timestamp with time zone not null,
    constraint pk_host_details primary key (host_id),
    constraint fk_host_details_host foreign key (host_id) references hosts (host_id) on delete cascade
);

-- Why a target of a one-shot query failed (state FAILED), as the agent said it (a v2 agent_error_v1 in answer to
-- the query), so GET /api/v1/queries/{id} shows it beside the rows of the others.
alter table one_shot_query_hosts add column error varchar(1024);
