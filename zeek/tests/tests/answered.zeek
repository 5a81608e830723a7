# @TEST-DOC: With the hub up, each record is held and written with the answer's seuids; an incomplete answer
# also sets attribution_complete=F, and process names stay out of conn.log unless log_processes is set.
# The hub is simulated in-process: hub_hello raised locally, each request answered by a local event.
# @TEST-EXEC: make-trace.py trace.pcap 1795996800 2
# @TEST-EXEC: zeek -b -r trace.pcap $PACKAGE/main.zeek %INPUT > output
# @TEST-EXEC: conn-columns conn.log id.orig_p orig_seuids resp_seuids attribution_complete orig_procs > columns
# @TEST-EXEC: grep -q '^50000	Sorig1	Sresp1	F	?$' columns
# @TEST-EXEC: grep -q '^50001	Sorig2	Sresp2	-	?$' columns

event zeek_init()
	{
	event ZeekAgentHub::hub_hello("test-hub", "0.0.0", 5sec);
	}

hook ZeekAgentHub::request_policy(req_id: count, rec: Conn::Info)
	{
	local n = rec$id$orig_p == 50000/tcp ? 1 : 2;
	local orig = vector(ZeekAgentHub::Match($seuid=fmt("Sorig%d", n), $host_id="h1", $pid=42,
	                                        $process="/usr/bin/curl"));
	local resp = vector(ZeekAgentHub::Match($seuid=fmt("Sresp%d", n), $host_id="h2"));
	# Raised now, handled after the write has been held: the way a remote answer arrives.
	event ZeekAgentHub::attribute_response(req_id, orig, resp, n != 1);
	}
