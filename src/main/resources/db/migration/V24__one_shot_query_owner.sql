-- One-shot queries made by a Zeek through the zeek-agent compat scripts (ZeekAgent::execute) name their owner
-- ("zeek:<name>"), as subscriptions and groups do since V17; null: made over REST.
alter table one_shot_queries add column owner varchar(255);
