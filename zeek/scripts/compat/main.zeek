##! The zeek-agent framework's script API (module ZeekAgent: UpdateType, Query, Result, subscribe, execute, join ...,
##! host_connected / host_disconnected, zeek-agent.log) with the Zeek Agent Hub as its backend, so that scripts
##! written for the framework run unchanged: every call becomes a control event to the hub
##! (ZeekAgentHub::compat_* on zeek-agent-hub.ctl.), the hub keeps the agents subscribed, and result rows come back
##! on this process's inbox as the event named in Query$ev, with Result and one argument per SELECT column converted
##! to the types that event declares.
##!
##! Calls made before the hub is there (zeek_init) are kept and replayed whenever the hub appears or reappears; the
##! hub treats a replay idempotently. Differences from the framework: leave() leaves (it called join_multiple),
##! unsubscribe matches the cookie too, resT is accepted and ignored (rows always come to the caller), and the hub
##! must allow control events (hub.zeek.control-enabled=true; docs/security.md).
##!
##! Cannot be loaded together with the zeek-agent framework (zeek/zeek-agent-framework) or the zeek-agent-v2 package:
##! they define the same module. Loading both stops Zeek at start with a fatal error naming the other one.

@load base/frameworks/cluster
@load base/frameworks/logging
# The whole package (enrichment, and the ZeroMQ transport of a standalone Zeek), as @load zeek-agent-hub does.
@load ../main
@load ../standalone
@load ../zeromq

module ZeekAgentHub;

export {
	## Marker of this layer (other packages may test it with @ifdef).
	const compat_loaded = T;

	## The name this Zeek gives itself towards the hub. Everything it subscribes is owned by "zeek:<name>" in the
	## hub, so keep it stable across restarts and unique among the Zeeks using one hub. Empty: the cluster node
	## name, or the host name for a standalone Zeek.
	const compat_name = "" &redef;

	## Zeek -> hub: the topic of the control events.
	const control_topic = "zeek-agent-hub.ctl.";

	## How many consecutive hellos a replay is repeated on after the hub (re)appeared: a call published before the
	## hub's subscription reached this node is dropped by ZeroMQ, and a repeat costs nothing (the hub is idempotent).
	const compat_replay_hellos = 2 &redef;

	## Zeek -> hub: subscribe (or unsubscribe) a query. utype is ADDED, REMOVED or BOTH; inter in seconds; ev_type is
	## type_name(Query$ev), from which the hub takes the column types.
	global compat_subscribe: event(zeek: string, inbox: string, ev: string, ev_type: string, query: string,
	                               utype: string, inter: count, cookie: string, hosts: vector of string,
	                               groups: vector of string) &is_used;
	global compat_unsubscribe: event(zeek: string, inbox: string, ev: string, ev_type: string, query: string,
	                                 utype: string, inter: count, cookie: string, hosts: vector of string,
	                                 groups: vector of string) &is_used;

	## Zeek -> hub: run a query once; exec_id tells a replay from a new call.
	global compat_execute: event(zeek: string, inbox: string, exec_id: string, ev: string, ev_type: string,
	                             query: string, cookie: string, hosts: vector of string,
	                             groups: vector of string) &is_used;

	## Zeek -> hub: hosts with an address in one of ranges belong to (no longer belong to) group.
	global compat_join: event(zeek: string, inbox: string, ranges: vector of subnet, group: string) &is_used;
	global compat_leave: event(zeek: string, inbox: string, ranges: vector of subnet, group: string) &is_used;

	## Hub -> this process: a call the hub refused or could not carry out (logged to zeek-agent.log).
	global compat_error: event(cookie: string, msg: string);

	## Hub -> this process: a host's name, sent before host_connected (for ZeekAgent::getHostInfo).
	global compat_host_info: event(host_id: string, hostname: string);
}

# The zeek-agent framework, and the zeek-agent-v2 package, define names in module ZeekAgent too; one of these
# markers present means one of them is loaded as well.
const conflict_markers: table[string] of string = {
	["ZeekAgent::Zeek_ID_Topic"] = "the zeek-agent framework (zeek/zeek-agent-framework)",
	["ZeekAgent::insert_subscription"] = "the zeek-agent framework (zeek/zeek-agent-framework)",
	["ZeekAgent::supported_tables"] = "the zeek-agent-v2 package (zeek-packages/zeek-agent-v2)",
	["ZeekAgent::agent_timeout"] = "the zeek-agent-v2 package (zeek-packages/zeek-agent-v2)"
};

event zeek_init() &priority=1000
	{
	local ids = global_ids();
	for ( marker, who in conflict_markers )
		if ( marker in ids )
			Reporter::fatal(fmt("zeek-agent-hub/compat cannot be loaded together with %s (%s is defined): "
			                    + "both provide module ZeekAgent; load only one of them", who, marker));
	}

module ZeekAgent;

export {
	## Default interval of scheduled queries (as in the framework).
	const default_query_interval = 10secs &redef;

	## This Zeek's name in zeek-agent.log lines of source "local" (as in the framework).
	const endpoint_name = "ZeekMaster" &redef;

	## The zeek-agent logging stream identifier.
	redef enum Log::ID += { LOG };

	## The columns of zeek-agent.log (as in the framework).
	type Info: record {
		## The network time at which the activity occurred.
		ts:      time   &log;
		## "local" (this node), "zeek" (the hub) or "host" (an agent host).
		source:  string &log;
		## The peer (host id, hub, endpoint name) concerned.
		peer:    string &log &optional;
		## "info", "debug" or "warning".
		level:   string &log &optional;
		## The message.
		message: string &log;
	};

	## Which changes of a scheduled query's result to report.
	type UpdateType: enum {
		## Reported as BOTH (the agent never sends INITIAL).
		INITIAL,
		## Rows that appeared.
		ADD,
		## Rows that disappeared.
		REMOVE,
		## Both.
		BOTH,
		## The rows of a one-shot query (execute).
		SNAPSHOT
	};

	## A query and how to run it (as in the framework).
	type Query: record {
		## The SQL query.
		query:  string;
		## The type of update to report.
		utype:  UpdateType &default=BOTH;
		## The interval of a scheduled query.
		inter:  interval &default=ZeekAgent::default_query_interval;
		## Accepted and ignored: rows always come back to the calling Zeek.
		resT:   string &default="";
		## The event raised for each result row: (result: ZeekAgent::Result, one argument per column).
		ev:     any &optional;
		## A cookie echoed in Result$cookie; part of the query's identity (unsubscribe matches it).
		cookie: string &default="";
	};

	## The first argument of every result event.
	type Result: record {
		## The host id of the agent that sent the row.
		host:   string;
		## ADD, REMOVE, or SNAPSHOT for execute.
		utype:  UpdateType;
		## The query's cookie.
		cookie: string &optional;
	};

	## What is known of an agent host (as in the framework).
	type HostInfo: record {
		## The host id.
		uuid:     string;
		## Its name, as the hub knows it.
		hostname: string &default="<unknown>";
	};

	## An agent host came online (the hub saw it announce itself or answer).
	global host_connected: event(host_id: string);

	## An agent host went offline.
	global host_disconnected: event(host_id: string);

	## Subscribes to a scheduled query on every host (neither host nor group), a host and/or a group.
	global subscribe: function(q: Query, host: string &default="", group: string &default="");

	## Cancels a subscription made with the same query, event, update type, interval, cookie and targets.
	global unsubscribe: function(q: Query, host: string &default="", group: string &default="");

	## Subscribes to a scheduled query on hosts and/or groups.
	global subscribe_multiple: function(q: Query, host_list: vector of string &default=vector(""),
	                                    group_list: vector of string &default=vector(""));

	## Cancels a subscribe_multiple.
	global unsubscribe_multiple: function(q: Query, host_list: vector of string &default=vector(""),
	                                      group_list: vector of string &default=vector(""));

	## Runs a query once on every ONLINE host (neither host nor group), a host and/or a group.
	global execute: function(q: Query, host: string &default="", group: string &default="");

	## Runs a query once on hosts and/or groups.
	global execute_multiple: function(q: Query, host_list: vector of string &default=vector(""),
	                                  group_list: vector of string &default=vector(""));

	## Hosts with an address in range belong to group.
	global join: function(range: subnet, group: string);

	## Hosts with an address in range no longer belong to group (the framework's leave joined instead).
	global leave: function(range: subnet, group: string);

	## Hosts with an address in one of range_list belong to group.
	global join_multiple: function(range_list: vector of subnet, group: string);

	## Hosts with an address in one of range_list no longer belong to group.
	global leave_multiple: function(range_list: vector of subnet, group: string);

	## The framework's misspelled export of leave_multiple, kept so that scripts calling it load.
	global leave_mutiple: function(range_list: vector of subnet, group: string);

	## Whether the host is ONLINE as far as this Zeek heard from the hub.
	global isHostAlive: function(host_id: string): bool;

	## What is known of a host; hostname "<unknown>" when nothing is.
	global getHostInfo: function(host_id: string): HostInfo;

	## Whether two queries are the same subscription: query, event, update type, interval and cookie.
	global same_event: function(q1: Query, q2: Query): bool;

	## Writes a zeek-agent.log line of source "local".
	global log_local: function(level: string, msg: string, log: any &default=LOG);

	## Writes a zeek-agent.log line of source "zeek".
	global log_zeek: function(level: string, peer: string, msg: string, log: any &default=LOG);

	## Writes a zeek-agent.log line of source "host".
	global ZeekAgent::log: function(level: string, peer: string, msg: string, log: any &default=LOG);
}

