# @TEST-DOC: zeek-agent-hub/compat parses, calls made before the hub is there are kept (nothing is sent), the
# framework's misspelled leave_mutiple exists, and loading it next to the zeek-agent framework stops Zeek.
# @TEST-EXEC: zeek --parse-only $PACKAGE/compat
# @TEST-EXEC: zeek -b $PACKAGE/compat %INPUT >out 2>&1
# @TEST-EXEC: grep -q "subscriptions=1 executions=1 groups=1" out
# @TEST-EXEC: grep -q "Subscribing to event Test::row() for query 'SELECT pid FROM processes'" zeek-agent.log
# @TEST-EXEC-FAIL: zeek -b seed.zeek $PACKAGE/compat >fatal 2>&1
# @TEST-EXEC: grep -q "cannot be loaded together with the zeek-agent framework" fatal

module Test;

global row: event(result: ZeekAgent::Result, pid: int);

event row(result: ZeekAgent::Result, pid: int)
	{
	}

event zeek_init() &priority=10
	{
	local q = ZeekAgent::Query($ev=Test::row, $query="SELECT pid FROM processes");
	ZeekAgent::subscribe(q);
	ZeekAgent::subscribe(q);
	ZeekAgent::execute(q, "host-1");
	ZeekAgent::join(10.0.0.0/8, "lan");
	ZeekAgent::leave_mutiple(vector(192.168.0.0/16), "other");
	}

event zeek_init() &priority=-100
	{
	print fmt("subscriptions=%d executions=%d groups=%d", |ZeekAgentHub::compat_subscriptions|,
	          |ZeekAgentHub::compat_executions|, |ZeekAgentHub::compat_groupings|);
	# The ZeroMQ backend keeps a Zeek without a trace running: stop it.
	terminate();
	}

# @TEST-START-FILE seed.zeek
module ZeekAgent;
export { const Zeek_ID_Topic = "/zeek/zeek-agent/zeek/ZeekMaster" &redef; }
# @TEST-END-FILE
