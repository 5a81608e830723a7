-- Cross-replica attribution (hub.cluster.engine=kafka).

-- The base URL other replicas reach this replica's internal API at (hub.cluster.advertised-url), set with the lease.
alter table hub_replicas add column api_url text;

-- Which hosts' addresses or hostname changed, so every replica keeps its address -> host map current without
-- re-reading all hosts. A reader takes the rows of transactions not older than the oldest one running at its
-- previous read (tx >= that snapshot's xmin), so a change committed late is never skipped; rows are re-read at
-- most until that transaction is older than every running one, and re-reading a host is harmless. Nothing is logged
-- while hub_replicas is empty (a single node never writes a lease), so a single node's log stays empty; replicas
-- (which hold a lease before they accept agents or REST calls) prune it.
create table host_address_changes (
    seq        bigint generated always as identity primary key,
    host_id    varchar(255)             not null,
    tx         xid8                     not null default pg_current_xact_id(),
    changed_at timestamp with time zone not null default now()
);
create index ix_host_address_changes_tx on host_address_changes (tx);

create function host_address_changed() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from hub_replicas) then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into host_address_changes (host_id) values (old.host_id);
    else
        insert into host_address_changes (host_id) values (new.host_id);
    end if;
    return null;
end
$$;

create trigger tr_host_announced_addresses_changed after insert or update or delete on host_announced_addresses
    for each row execute function host_address_changed();
create trigger tr_host_assigned_addresses_changed after insert or update or delete on host_assigned_addresses
    for each row execute function host_address_changed();
create trigger tr_hosts_inserted_or_deleted after insert or delete on hosts
    for each row execute function host_address_changed();
create trigger tr_hosts_renamed after update on hosts
    for each row when (old.hostname is distinct from new.hostname) execute function host_address_changed();
