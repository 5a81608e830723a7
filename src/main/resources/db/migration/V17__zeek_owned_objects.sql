-- Subscriptions and groups a Zeek made through the zeek-agent-hub/compat script API (docs/zeek-package.md) name
-- their owner ("zeek:<name>"); REST shows it and refuses to change or delete them (409). Null: made over REST.
alter table subscriptions add column owner varchar(255);
alter table agent_groups add column owner varchar(255);
