##! The framework's functions (module ZeekAgent, declared in ./main) on top of ./calls: each call is kept for
##! replay and published at once when the hub is up.

module ZeekAgent;

function log_local(level: string, msg: string, log: any)
	{
	Log::write(log, Info($ts=network_time(), $level=level, $source="local", $peer=endpoint_name, $message=msg));
	}

function log_zeek(level: string, peer: string, msg: string, log: any)
	{
	Log::write(log, Info($ts=network_time(), $level=level, $source="zeek", $peer=peer, $message=msg));
	}

function ZeekAgent::log(level: string, peer: string, msg: string, log: any)
	{
	Log::write(log, Info($ts=network_time(), $level=level, $source="host", $peer=peer, $message=msg));
	}

function same_event(q1: Query, q2: Query): bool
	{
	if ( q1$query != q2$query || q1$utype != q2$utype || q1$inter != q2$inter || q1$cookie != q2$cookie )
		return F;
	if ( q1?$ev != q2?$ev )
		return F;
	return ! q1?$ev || fmt("%s", q1$ev) == fmt("%s", q2$ev);
	}

function subscribe_multiple(q: Query, host_list: vector of string, group_list: vector of string)
	{
	if ( ! ZeekAgentHub::compat_active() )
		return;
	if ( ! q?$ev )
		{
		Reporter::error(fmt("ZeekAgent::subscribe: query '%s' has no $ev", q$query));
		return;
		}
	local s = ZeekAgentHub::compat_subscription(q, host_list, group_list);
	local key = ZeekAgentHub::compat_key(s);
	if ( key in ZeekAgentHub::compat_subscriptions )
		return;
	delete ZeekAgentHub::compat_unsubscriptions[key];
	ZeekAgentHub::compat_subscriptions[key] = s;
	log_zeek("debug", ZeekAgentHub::control_topic, fmt("Subscribing to event %s() for query '%s'", s$ev, s$query));
	if ( ZeekAgentHub::compat_hub_ready() )
		ZeekAgentHub::compat_send_subscription(s, T);
	}

function unsubscribe_multiple(q: Query, host_list: vector of string, group_list: vector of string)
	{
	if ( ! ZeekAgentHub::compat_active() || ! q?$ev )
		return;
	local s = ZeekAgentHub::compat_subscription(q, host_list, group_list);
	local key = ZeekAgentHub::compat_key(s);
	if ( key !in ZeekAgentHub::compat_subscriptions )
		return;
	delete ZeekAgentHub::compat_subscriptions[key];
	log_zeek("debug", ZeekAgentHub::control_topic, fmt("Unsubscribing from event %s() for query '%s'", s$ev, s$query));
	if ( ZeekAgentHub::compat_hub_ready() )
		ZeekAgentHub::compat_send_subscription(s, F);
	else
		ZeekAgentHub::compat_unsubscriptions[key] = s;
	}

function subscribe(q: Query, host: string, group: string)
	{
	subscribe_multiple(q, vector(host), vector(group));
	}

function unsubscribe(q: Query, host: string, group: string)
	{
	unsubscribe_multiple(q, vector(host), vector(group));
	}

function execute_multiple(q: Query, host_list: vector of string, group_list: vector of string)
	{
	if ( ! ZeekAgentHub::compat_active() )
		return;
	if ( ! q?$ev )
		{
		Reporter::error(fmt("ZeekAgent::execute: query '%s' has no $ev", q$query));
		return;
		}
	++ZeekAgentHub::compat_exec_seq;
	local x = ZeekAgentHub::CompatExecution(
		$exec_id=fmt("%s-%d", ZeekAgentHub::compat_run_id, ZeekAgentHub::compat_exec_seq),
		$ev=ZeekAgentHub::compat_event_name(q$ev), $ev_type=type_name(q$ev), $query=q$query, $cookie=q$cookie,
		$hosts=ZeekAgentHub::compat_targets(host_list), $groups=ZeekAgentHub::compat_targets(group_list));
	log_zeek("debug", ZeekAgentHub::control_topic, fmt("Executing event %s() for query '%s'", x$ev, x$query));
	if ( ZeekAgentHub::compat_hub_ready() )
		ZeekAgentHub::compat_send_execution(x);
	else
		ZeekAgentHub::compat_executions[x$exec_id] = x;
	}

function execute(q: Query, host: string, group: string)
	{
	execute_multiple(q, vector(host), vector(group));
	}

function join_multiple(range_list: vector of subnet, group: string)
	{
	if ( ! ZeekAgentHub::compat_active() || group == "" )
		return;
	local added: set[subnet] = set();
	for ( i in range_list )
		add added[range_list[i]];
	if ( group !in ZeekAgentHub::compat_groupings )
		ZeekAgentHub::compat_groupings[group] = set();
	for ( r in added )
		{
		add ZeekAgentHub::compat_groupings[group][r];
		if ( group in ZeekAgentHub::compat_leaves )
			delete ZeekAgentHub::compat_leaves[group][r];
		}
	log_zeek("info", group, fmt("Joining group '%s'", group));
	if ( ZeekAgentHub::compat_hub_ready() )
		ZeekAgentHub::compat_send_grouping(group, added, T);
	}

function leave_multiple(range_list: vector of subnet, group: string)
	{
	if ( ! ZeekAgentHub::compat_active() || group == "" )
		return;
	local left: set[subnet] = set();
	for ( i in range_list )
		add left[range_list[i]];
	if ( group in ZeekAgentHub::compat_groupings )
		{
		for ( r in left )
			delete ZeekAgentHub::compat_groupings[group][r];
		if ( |ZeekAgentHub::compat_groupings[group]| == 0 )
			delete ZeekAgentHub::compat_groupings[group];
		}
	log_zeek("info", group, fmt("Leaving group '%s'", group));
	if ( ZeekAgentHub::compat_hub_ready() )
		ZeekAgentHub::compat_send_grouping(group, left, F);
	else
		{
		if ( group !in ZeekAgentHub::compat_leaves )
			ZeekAgentHub::compat_leaves[group] = set();
		for ( r in left )
			add ZeekAgentHub::compat_leaves[group][r];
		}
	}

function leave_mutiple(range_list: vector of subnet, group: string)
	{
	leave_multiple(range_list, group);
	}

function join(range: subnet, group: string)
	{
	join_multiple(vector(range), group);
	}

function leave(range: subnet, group: string)
	{
	leave_multiple(vector(range), group);
	}

function isHostAlive(host_id: string): bool
	{
	return host_id in ZeekAgentHub::compat_online;
	}

function getHostInfo(host_id: string): HostInfo
	{
	if ( host_id in ZeekAgentHub::compat_hosts )
		return ZeekAgentHub::compat_hosts[host_id];
	return HostInfo($uuid=host_id);
	}
