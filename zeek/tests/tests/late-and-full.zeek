# @TEST-DOC: A hub that never answers: with a delay queue of 1, each new held record makes Zeek write the previous
# one early, unenriched; the last one is written at the end; all three rows are there, none with seuids, and an
# answer arriving afterwards is counted late, never an error.
# @TEST-EXEC: make-trace.py trace.pcap 1795996800 3
# @TEST-EXEC: zeek -b -r trace.pcap $PACKAGE/main.zeek %INPUT > output 2> errors
# @TEST-EXEC: conn-columns conn.log orig_seuids resp_seuids > columns
# @TEST-EXEC: test "$(grep -c '^-	-$' columns)" = 3
# @TEST-EXEC: grep -q 'held 3' output
# @TEST-EXEC: test ! -s errors

redef ZeekAgentHub::max_queue = 1;
redef tcp_close_delay = 0secs;

global held = 0;
global first_req: count = 0;

event zeek_init()
	{
	event ZeekAgentHub::hub_hello("test-hub", "0.0.0", 5sec);
	}

hook ZeekAgentHub::request_policy(req_id: count, rec: Conn::Info)
	{
	++held;
	if ( first_req == 0 )
		first_req = req_id;
	}

event zeek_done()
	{
	# The first record was written long ago: this answer is late and must be ignored quietly.
	local nothing: vector of ZeekAgentHub::Match = vector();
	event ZeekAgentHub::attribute_response(first_req, nothing, nothing, T);
	print fmt("held %d", held);
	}
