##! Live conn.log enrichment from the Zeek Agent Hub.
##!
##! Every conn.log write is held with Zeek's log delay API (Zeek >= 6.2) while the hub is known to be up; the
##! connection's tuple goes to the hub as ZeekAgentHub::attribute_request on zeek-agent-hub.req., and the record is
##! written as soon as ZeekAgentHub::attribute_response comes back on this process's inbox, with the seuids of the
##! matching host socket events in orig_seuids / resp_seuids. A record is never held longer than max_delay, the
##! number held is bounded by max_queue, and nothing is held at all while the hub is down or unknown (no hub_hello
##! within hub_timeout of wall-clock time). Wire contract: docs/zeek-package.md in the hub's repository.

@load base/misc/version
@load base/frameworks/cluster
@load base/frameworks/logging
@load base/frameworks/telemetry
@load base/protocols/conn

module ZeekAgentHub;

export {
	## Whether conn.log records are enriched at all. An option, so it can be changed at run time
	## (Config framework); records already held finish normally.
	option enabled = T;

	## Longest a conn.log record waits for the hub's answer before it is written without the columns.
	## Applied to Conn::LOG in zeek_init; Zeek only ever raises a stream's maximum delay.
	const max_delay = 300msec &redef;

	## Most conn.log records held at once in this process (Conn::LOG's delay queue). When it is full, Zeek
	## writes the oldest held record early, without the columns.
	const max_queue: count = 10000 &redef;

	## The hub counts as gone when no hub_hello arrived for this long (wall clock, so reading a trace does
	## not fake it). The hub says hello every 5 s by default.
	option hub_timeout = 15sec;

	## Also log the processes behind the seuids as orig_procs / resp_procs ("name[pid]").
	## Read at start: the two columns are left out of the default conn.log filter when F.
	const log_processes = F &redef;

	## Where the hub's proxy XPUB listens; a standalone Zeek's XSUB connects there (zeek-agent-hub/standalone).
	## Only the default: redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint to change it.
	const default_hub_xpub_endpoint = "tcp://127.0.0.1:27760" &redef;

	## Where the hub's proxy XSUB listens; a standalone Zeek's XPUB connects there.
	## Only the default: redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint to change it.
	const default_hub_xsub_endpoint = "tcp://127.0.0.1:27761" &redef;

	## Topic the hub subscribes to for requests (Zeek -> hub). Trailing dot: no prefix collisions.
	const request_topic = "zeek-agent-hub.req.";

	## Topic every Zeek process subscribes to for the hub's hello (hub -> every Zeek).
	const hello_topic = "zeek-agent-hub.hello.";

	## Prefix of each process's inbox, zeek-agent-hub.node.<Cluster::node_id()>. (hub -> one process).
	const node_topic_prefix = "zeek-agent-hub.node.";

	## One host socket event behind one side of a connection.
	type Match: record {
		## The socket event's id in the hub.
		seuid: string;
		## The agent host that reported it.
		host_id: string;
		## The process id, when the agent reported one.
		pid: count &optional;
		## The executable path or process name, when the agent reported one.
		process: string &optional;
	};

	## Zeek -> hub: which socket events made this connection? Answered on inbox with the same req_id.
	global attribute_request: event(req_id: count, inbox: string, uid: string, ts: time, orig_h: addr,
	                                orig_p: port, resp_h: addr, resp_p: port) &is_used;

	## Hub -> Zeek: the matches on the originator's and the responder's host, by event time; complete is F
	## when the hub could not consult everything it holds for that time.
	global attribute_response: event(req_id: count, orig: vector of Match, resp: vector of Match,
	                                 complete: bool);

	## Hub -> every Zeek, every few seconds: the hub is up and will say so again within every.
	global hub_hello: event(hub_id: string, version: string, every: interval);

	## Raised locally when the hub is first heard from (or again after it was gone).
	global hub_up: event(hub_id: string, version: string);

	## Raised locally when the hub stopped saying hello within hub_timeout, or withdrew its subscription.
	global hub_down: event(hub_id: string);

	## Policy hook run before a conn.log record is held for the hub; break to write it at once, unasked
	## (e.g. for address ranges where no agents run). req_id is the id the request will carry.
	global request_policy: hook(req_id: count, rec: Conn::Info);

	## Whether the hub is up right now (a hello within hub_timeout and its subscription not withdrawn).
	global hub_is_up: function(): bool;

	## This process's inbox topic, where the hub publishes the answers to its requests.
	global inbox: function(): string;

	## Marks the hub as gone at once (zeek-agent-hub/zeromq calls it when the hub withdraws its
	## subscription to request_topic), instead of after hub_timeout.
	global hub_withdrew: function();
}

redef record Conn::Info += {
	## Seuids of the originator host's socket events behind this connection; present (possibly empty)
	## when the hub answered, absent when it was not asked or did not answer in time.
	orig_seuids: set[string] &optional &log;
	## Seuids of the responder host's socket events behind this connection.
	resp_seuids: set[string] &optional &log;
	## F when the hub answered without consulting everything it holds for that time; absent otherwise.
	attribution_complete: bool &optional &log;
	## "process[pid]" of the originator's matches (only with log_processes).
	orig_procs: set[string] &optional &log;
	## "process[pid]" of the responder's matches (only with log_processes).
	resp_procs: set[string] &optional &log;
};

# A conn.log write held for the hub: the very record object and token Log::delay returned (never a copy).
type Pending: record {
	rec: Conn::Info;
	token: Log::DelayToken;
	deadline: time;
};

# Held writes by request id. Entries leave when answered or by the post-delay callback; the expiry only
# guards against a later stream-policy hook vetoing the write, which drops the delay without running callbacks.
global pending: table[count] of Pending &create_expire=1min;
global check_hub: event();
global next_req_id: count = 0;
global my_inbox = "";
global current_hub = "";
global last_hello = double_to_time(0.0);
global hub_withdrawn = T;

global requests_cf = Telemetry::register_counter_family([
	$prefix="zeek",
	$name="agent_hub_requests",
	$unit="1",
	$help_text="conn.log records asked of the Zeek Agent Hub, by outcome",
	$label_names=vector("outcome")
]);

global skipped_cf = Telemetry::register_counter_family([
	$prefix="zeek",
	$name="agent_hub_skipped",
	$unit="1",
	$help_text="conn.log records written without asking the Zeek Agent Hub, by reason",
	$label_names=vector("reason")
]);

global sent_c = Telemetry::counter_with(requests_cf, vector("sent"));
global answered_c = Telemetry::counter_with(requests_cf, vector("answered"));
global incomplete_c = Telemetry::counter_with(requests_cf, vector("incomplete"));
global late_c = Telemetry::counter_with(requests_cf, vector("late"));
global timed_out_c = Telemetry::counter_with(requests_cf, vector("timed_out"));
global evicted_c = Telemetry::counter_with(requests_cf, vector("evicted"));
global publish_failed_c = Telemetry::counter_with(requests_cf, vector("publish_failed"));
global skipped_hub_down_c = Telemetry::counter_with(skipped_cf, vector("hub_down"));
global skipped_queue_full_c = Telemetry::counter_with(skipped_cf, vector("queue_full"));
global skipped_policy_c = Telemetry::counter_with(skipped_cf, vector("policy"));

function hub_is_up(): bool
	{
	if ( current_hub == "" || hub_withdrawn )
		return F;
	# Under --pseudo-realtime, current_time() is the trace's clock: it reads 0 until the first packet (and stays
	# frozen while processing is suspended), then jumps to the packet's timestamp. A hello heard before the clock
	# started counts as heard when it started, instead of being years old at the first packet.
	if ( last_hello == double_to_time(0.0) )
		last_hello = current_time();
	return current_time() - last_hello <= hub_timeout;
	}

function hub_withdrew()
	{
	hub_withdrawn = T;
	}

function inbox(): string
	{
	return my_inbox;
	}

function seuids(matches: vector of Match): set[string]
	{
	local s: set[string] = set();
	for ( i in matches )
		add s[matches[i]$seuid];
	return s;
	}

function processes(matches: vector of Match): set[string]
	{
	local s: set[string] = set();
	for ( i in matches )
		{
		local m = matches[i];
		if ( m?$process && m?$pid )
			add s[fmt("%s[%d]", m$process, m$pid)];
		else if ( m?$process )
			add s[m$process];
		else if ( m?$pid )
			add s[fmt("[%d]", m$pid)];
		}
	return s;
	}

event zeek_init() &priority=-10
	{
	# After Conn::LOG exists (priority 5) and after the cluster backend is initialised (priority 10).
	Log::set_max_delay_interval(Conn::LOG, max_delay);
	Log::set_max_delay_queue_size(Conn::LOG, max_queue);

	if ( ! log_processes )
		{
		local filter = Log::get_filter(Conn::LOG, "default");
		if ( filter$name == "default" )
			{
			local excluded: set[string] = set();
			if ( filter?$exclude )
				excluded = filter$exclude;
			add excluded["orig_procs"];
			add excluded["resp_procs"];
			filter$exclude = excluded;
			Log::add_filter(Conn::LOG, filter);
			}
		}

	my_inbox = node_topic_prefix + Cluster::node_id() + ".";
	Cluster::subscribe(my_inbox);
	Cluster::subscribe(hello_topic);
	schedule 1sec { ZeekAgentHub::check_hub() };
	}

event check_hub()
	{
	if ( current_hub != "" && ! hub_is_up() )
		{
		local gone = current_hub;
		current_hub = "";
		event ZeekAgentHub::hub_down(gone);
		}
	schedule 1sec { ZeekAgentHub::check_hub() };
	}

event hub_hello(hub_id: string, version: string, every: interval)
	{
	local was_up = hub_is_up();
	current_hub = hub_id;
	last_hello = current_time();
	hub_withdrawn = F;
	if ( ! was_up )
		event ZeekAgentHub::hub_up(hub_id, version);
	}

# Runs last among the stream-policy hooks, so that handlers vetoing the write run first and cost no request.
hook Log::log_stream_policy(rec: Conn::Info, id: Log::ID) &priority=-1000
	{
	if ( id != Conn::LOG || ! enabled )
		return;

	if ( ! hub_is_up() )
		{
		Telemetry::counter_inc(skipped_hub_down_c);
		return;
		}

	# Zeek's delay queue (max_queue) writes the oldest record early when full, which removes its entry here;
	# this bound only matters if vetoed writes leaked entries (they expire after a minute).
	if ( |pending| >= 2 * max_queue )
		{
		Telemetry::counter_inc(skipped_queue_full_c);
		return;
		}

	++next_req_id;
	local req_id = next_req_id;
	if ( ! hook ZeekAgentHub::request_policy(req_id, rec) )
		{
		Telemetry::counter_inc(skipped_policy_c);
		return;
		}

	local token = Log::delay(id, rec, function[req_id](r: Conn::Info, i: Log::ID): bool
		{
		# Runs when the write completes: after delay_finish (entry already gone), on expiry, or
		# early when the delay queue overflowed or Zeek is shutting down.
		if ( req_id in pending )
			{
			if ( network_time() < pending[req_id]$deadline )
				Telemetry::counter_inc(evicted_c);
			else
				Telemetry::counter_inc(timed_out_c);
			delete pending[req_id];
			}
		return T;
		});

	pending[req_id] = Pending($rec=rec, $token=token, $deadline=network_time() + max_delay);
	Telemetry::counter_inc(sent_c);
	if ( ! Cluster::publish(request_topic, ZeekAgentHub::attribute_request, req_id, my_inbox, rec$uid,
	                        rec$ts, rec$id$orig_h, rec$id$orig_p, rec$id$resp_h, rec$id$resp_p) )
		# Overloaded backend (xpub_sndhwm): the record waits at most max_delay, never longer.
		Telemetry::counter_inc(publish_failed_c);
	}

event attribute_response(req_id: count, orig: vector of Match, resp: vector of Match, complete: bool)
	{
	if ( req_id !in pending )
		{
		# Written already (expired or evicted): finishing it now would be an error.
		Telemetry::counter_inc(late_c);
		return;
		}

	local p = pending[req_id];
	delete pending[req_id];
	p$rec$orig_seuids = seuids(orig);
	p$rec$resp_seuids = seuids(resp);
	if ( ! complete )
		{
		p$rec$attribution_complete = F;
		Telemetry::counter_inc(incomplete_c);
		}
	if ( log_processes )
		{
		p$rec$orig_procs = processes(orig);
		p$rec$resp_procs = processes(resp);
		}
	Telemetry::counter_inc(answered_c);
	Log::delay_finish(Conn::LOG, p$rec, p$token);
	}
