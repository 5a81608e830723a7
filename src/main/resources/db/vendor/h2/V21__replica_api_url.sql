-- The H2 twin of PostgreSQL's V21: only the column (replicas need PostgreSQL; on H2 the table stays empty).
alter table hub_replicas add column api_url varchar(512);
