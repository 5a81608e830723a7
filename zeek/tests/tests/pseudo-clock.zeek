# @TEST-DOC: Under --pseudo-realtime, current_time() reads 0 until the first packet; a hello heard then (processing
# suspended until the hub is up, as ZeekEndToEndIntegrationTests does) still counts at the first packet: the record
# is held and written with the answer's seuids, not written at once as if the hub were long gone.
# @TEST-EXEC: make-trace.py trace.pcap 1795996800 1
# @TEST-EXEC: zeek -b --pseudo-realtime -r trace.pcap $PACKAGE/main.zeek %INPUT > output
# @TEST-EXEC: grep -q '^hello at 0.0$' output
# @TEST-EXEC: conn-columns conn.log id.orig_p orig_seuids resp_seuids > columns
# @TEST-EXEC: grep -q '^50000	Sorig	Sresp$' columns

redef exit_only_after_terminate = T;
redef tcp_close_delay = 0secs;
redef detect_filtered_trace = F;

event zeek_init()
	{
	suspend_processing();
	event ZeekAgentHub::hub_hello("test-hub", "0.0.0", 5sec);
	}

event ZeekAgentHub::hub_hello(hub_id: string, version: string, every: interval)
	{
	print fmt("hello at %s", time_to_double(current_time()));
	}

event ZeekAgentHub::hub_up(hub_id: string, version: string)
	{
	continue_processing();
	}

hook ZeekAgentHub::request_policy(req_id: count, rec: Conn::Info)
	{
	local orig = vector(ZeekAgentHub::Match($seuid="Sorig", $host_id="h1"));
	local resp = vector(ZeekAgentHub::Match($seuid="Sresp", $host_id="h2"));
	event ZeekAgentHub::attribute_response(req_id, orig, resp, T);
	}

hook Conn::log_policy(rec: Conn::Info, id: Log::ID, filter: Log::Filter)
	{
	terminate();
	}
