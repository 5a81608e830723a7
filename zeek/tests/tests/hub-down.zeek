# @TEST-DOC: No hub has said hello: nothing is held, every record is written at once without the seuid columns.
# @TEST-EXEC: make-trace.py trace.pcap 1795996800 3
# @TEST-EXEC: zeek -b -r trace.pcap $PACKAGE/main.zeek %INPUT > output
# @TEST-EXEC: conn-columns conn.log orig_seuids resp_seuids attribution_complete > columns
# @TEST-EXEC: test "$(wc -l < columns)" = 3
# @TEST-EXEC: test "$(grep -c '^-	-	-$' columns)" = 3
# @TEST-EXEC: grep -q 'held 0' output

global held = 0;

hook ZeekAgentHub::request_policy(req_id: count, rec: Conn::Info)
	{
	++held;
	}

event zeek_done()
	{
	print fmt("held %d", held);
	}
