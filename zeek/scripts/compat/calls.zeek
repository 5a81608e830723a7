##! The compat API's implementation: every call is kept (subscriptions and group rules until cancelled, executions
##! and cancellations until they reached the hub) and published to the hub as a ZeekAgentHub::compat_* control event
##! when the hub is up, and again whenever it (re)appears (a new hub id, or a hello after the hub was gone). Only the
##! manager of a cluster (or a standalone Zeek) talks to the hub; elsewhere the calls do nothing, so that scripts
##! loaded on every node (as the framework's examples were) subscribe once.


module ZeekAgentHub;

# Module ZeekAgent's functions (below) use these, and Zeek refuses a module's names in another module unless exported:
# they are exported for that reason only and are not part of the package's API.
export {
	## Internal: a subscription as called, what the hub needs to create (or find again) the same subscription.
	type CompatSubscription: record {
		ev: string;
		ev_type: string;
		query: string;
		utype: string;
		inter: count;
		cookie: string;
		hosts: vector of string;
		groups: vector of string;
	};

	## Internal: an execution not yet carried to the hub.
	type CompatExecution: record {
		exec_id: string;
		ev: string;
		ev_type: string;
		query: string;
		cookie: string;
		hosts: vector of string;
		groups: vector of string;
	};

	## Internal: live subscriptions by identity (everything the hub compares, the cookie included).
	global compat_subscriptions: table[string] of CompatSubscription;
	## Internal: cancellations not yet replayed to a hub that may still hold them.
	global compat_unsubscriptions: table[string] of CompatSubscription;
	## Internal: subnets per joined group.
	global compat_groupings: table[string] of set[subnet];
	## Internal: subnets left since the last replay.
	global compat_leaves: table[string] of set[subnet];
	## Internal: executions waiting for the hub.
	global compat_executions: table[string] of CompatExecution;
	## Internal: hosts ONLINE as far as the hub said.
	global compat_online: set[string];
	## Internal: host names the hub sent (kept a day after last use).
	global compat_hosts: table[string] of ZeekAgent::HostInfo &read_expire=1day;
	## Internal: executions made by this process so far.
	global compat_exec_seq = 0;
	## Internal: this process's random id, the prefix of its execution ids.
	global compat_run_id = unique_id("x");

	## Internal: whether this node talks to the hub (the manager, or a standalone Zeek).
	global compat_active: function(): bool;
	## Internal: whether the hub is up and has been sent everything.
	global compat_hub_ready: function(): bool;
	## Internal: the name of an event value.
	global compat_event_name: function(ev: any): string;
	## Internal: the non-empty names of a target list.
	global compat_targets: function(v: vector of string): vector of string;
	## Internal: a query and its targets as sent to the hub.
	global compat_subscription: function(q: ZeekAgent::Query, hosts: vector of string,
	                                     groups: vector of string): CompatSubscription;
	## Internal: the identity of a subscription.
	global compat_key: function(s: CompatSubscription): string;
	## Internal: publish compat_subscribe or compat_unsubscribe.
	global compat_send_subscription: function(s: CompatSubscription, subscribe: bool);
	## Internal: publish compat_execute.
	global compat_send_execution: function(x: CompatExecution);
	## Internal: publish compat_join or compat_leave.
	global compat_send_grouping: function(group: string, ranges: set[subnet], join: bool);
}

global compat_hub = "";
global compat_replays_left = 0;

function compat_active(): bool
	{
	return ! Cluster::is_enabled() || Cluster::local_node_type() == Cluster::MANAGER;
	}

function compat_owner(): string
	{
	if ( compat_name != "" )
		return compat_name;
	if ( Cluster::node != "" )
		return Cluster::node;
	return gethostname();
	}

function compat_hub_ready(): bool
	{
	return compat_hub != "" && hub_is_up();
	}

# The event's name: the first line of its printed value, without the ": <type>" newer Zeeks print after it.
function compat_event_name(ev: any): string
	{
	local first = split_string(fmt("%s", ev), /\n/)[0];
	return strip(split_string1(first, /: /)[0]);
	}

function compat_wire_utype(u: ZeekAgent::UpdateType): string
	{
	if ( u == ZeekAgent::ADD )
		return "ADDED";
	if ( u == ZeekAgent::REMOVE )
		return "REMOVED";
	return "BOTH";
	}

# The non-empty names (the framework's default vector("") means "none").
function compat_targets(v: vector of string): vector of string
	{
	local out: vector of string = vector();
	for ( i in v )
		if ( v[i] != "" )
			out[|out|] = v[i];
	return out;
	}

function compat_subscription(q: ZeekAgent::Query, hosts: vector of string,
                             groups: vector of string): CompatSubscription
	{
	local secs = double_to_count(interval_to_double(q$inter));
	return CompatSubscription($ev=compat_event_name(q$ev), $ev_type=type_name(q$ev), $query=q$query,
	                          $utype=compat_wire_utype(q$utype), $inter=secs > 0 ? secs : 1, $cookie=q$cookie,
	                          $hosts=compat_targets(hosts), $groups=compat_targets(groups));
	}

function compat_key(s: CompatSubscription): string
	{
	return fmt("%s|%s|%s|%d|%s|%s|%s", s$ev, s$query, s$utype, s$inter, s$cookie,
	           join_string_vec(s$hosts, ","), join_string_vec(s$groups, ","));
	}

function compat_send_subscription(s: CompatSubscription, subscribe: bool)
	{
	if ( subscribe )
		Cluster::publish(control_topic, compat_subscribe, compat_owner(), inbox(), s$ev, s$ev_type, s$query,
		                 s$utype, s$inter, s$cookie, s$hosts, s$groups);
	else
		Cluster::publish(control_topic, compat_unsubscribe, compat_owner(), inbox(), s$ev, s$ev_type, s$query,
		                 s$utype, s$inter, s$cookie, s$hosts, s$groups);
	}

function compat_send_execution(x: CompatExecution)
	{
	Cluster::publish(control_topic, compat_execute, compat_owner(), inbox(), x$exec_id, x$ev, x$ev_type, x$query,
	                 x$cookie, x$hosts, x$groups);
	}

function compat_send_grouping(group: string, ranges: set[subnet], join: bool)
	{
	local v: vector of subnet = vector();
	for ( r in ranges )
		v[|v|] = r;
	if ( join )
		Cluster::publish(control_topic, compat_join, compat_owner(), inbox(), v, group);
	else
		Cluster::publish(control_topic, compat_leave, compat_owner(), inbox(), v, group);
	}

# Everything this Zeek holds, to a hub that (re)appeared. Cancellations and executions are repeated on the
# replays that follow an appearance, then forgotten.
function compat_replay()
	{
	for ( k, s in compat_subscriptions )
		compat_send_subscription(s, T);
	for ( k, s in compat_unsubscriptions )
		compat_send_subscription(s, F);
	for ( g, ranges in compat_groupings )
		compat_send_grouping(g, ranges, T);
	for ( g, ranges in compat_leaves )
		compat_send_grouping(g, ranges, F);
	for ( id, x in compat_executions )
		compat_send_execution(x);

	if ( compat_replays_left == 0 )
		{
		clear_table(compat_unsubscriptions);
		clear_table(compat_leaves);
		clear_table(compat_executions);
		}
	}

# Before the package's own handler (priority 0) marks the hub up, so that "was it up?" can still be asked.
event ZeekAgentHub::hub_hello(hub_id: string, version: string, every: interval) &priority=5
	{
	if ( ! compat_active() )
		return;
	if ( hub_id != compat_hub || ! hub_is_up() )
		{
		ZeekAgent::log_zeek("info", hub_id, fmt("Zeek Agent Hub %s is up; replaying %d subscriptions, %d group "
		                    + "rules and %d executions", version, |compat_subscriptions|, |compat_groupings|,
		                    |compat_executions|));
		compat_hub = hub_id;
		compat_replays_left = compat_replay_hellos;
		}
	if ( compat_replays_left > 0 )
		{
		--compat_replays_left;
		compat_replay();
		}
	}

event ZeekAgentHub::hub_down(hub_id: string)
	{
	if ( compat_active() )
		ZeekAgent::log_zeek("warning", hub_id, "Zeek Agent Hub is gone; calls are kept until it is back");
	}

event ZeekAgentHub::compat_error(cookie: string, msg: string)
	{
	local what = cookie == "" ? "" : fmt(" (cookie %s)", cookie);
	ZeekAgent::log_zeek("warning", compat_hub, fmt("The hub refused a call%s: %s", what, msg));
	Reporter::warning(fmt("zeek-agent-hub/compat: the hub refused a call%s: %s", what, msg));
	}

event ZeekAgentHub::compat_host_info(host_id: string, hostname: string)
	{
	compat_hosts[host_id] = ZeekAgent::HostInfo($uuid=host_id, $hostname=hostname);
	}

event ZeekAgent::host_connected(host_id: string) &priority=10
	{
	add compat_online[host_id];
	ZeekAgent::log("info", host_id, "Zeek Agent host connected");
	}

event ZeekAgent::host_disconnected(host_id: string) &priority=-10
	{
	delete compat_online[host_id];
	ZeekAgent::log("info", host_id, "Zeek Agent host disconnected");
	}

event zeek_init() &priority=100
	{
	Log::create_stream(ZeekAgent::LOG, [$columns=ZeekAgent::Info, $path="zeek-agent"]);
	}
