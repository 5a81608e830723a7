# @TEST-DOC: log_processes adds orig_procs/resp_procs as "process[pid]" (pid or process alone when only one is known).
# @TEST-EXEC: make-trace.py trace.pcap 1795996800 1
# @TEST-EXEC: zeek -b -r trace.pcap $PACKAGE/main.zeek %INPUT
# @TEST-EXEC: conn-columns conn.log orig_procs resp_procs > columns
# @TEST-EXEC: grep -q '^/usr/bin/curl\[42\]	\[7\]$' columns

redef ZeekAgentHub::log_processes = T;

event zeek_init()
	{
	event ZeekAgentHub::hub_hello("test-hub", "0.0.0", 5sec);
	}

hook ZeekAgentHub::request_policy(req_id: count, rec: Conn::Info)
	{
	local orig = vector(ZeekAgentHub::Match($seuid="S1", $host_id="h1", $pid=42, $process="/usr/bin/curl"));
	local resp = vector(ZeekAgentHub::Match($seuid="S2", $host_id="h2", $pid=7));
	event ZeekAgentHub::attribute_response(req_id, orig, resp, T);
	}
