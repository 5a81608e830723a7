#! A script in the style of the zeek-agent framework's osquery listening-ports example, written against the
#! framework's API only: loads "zeek-agent", subscribes in zeek_init, logs each row with the host's name.

@load zeek-agent

module ListeningPortsCompat;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts:           time &log;
		host:         string &log;
		hostname:     string &log;
		action:       string &log;
		address:      addr &log;
		listen_port:  int &log;
		protocol:     string &log;
		pid:          int &log;
		process_name: string &log;
	};

	const proto_lookup: table[int] of string = {
		[6] = "tcp",
		[17] = "udp",
	} &redef &default=function(i: int): string { return fmt("unknown-%d", i); };
}

event ListeningPortsCompat::listening_port(result: ZeekAgent::Result, pid: int, process_name: string,
                                           protocol: int, local_addr: string, local_port: int)
	{
	if ( result$utype == ZeekAgent::INITIAL )
		return;

	Log::write(LOG, Info($ts=network_time(), $host=result$host,
	                     $hostname=ZeekAgent::getHostInfo(result$host)$hostname,
	                     $action=result$utype == ZeekAgent::ADD ? "opened" : "closed",
	                     $pid=pid, $process_name=process_name, $protocol=proto_lookup[protocol],
	                     $address=to_addr(split_string(local_addr, /\%/)[0]), $listen_port=local_port));
	}

event zeek_init() &priority=10
	{
	Log::create_stream(LOG, [$columns=Info, $path="agent-listening-ports"]);
	local query = ZeekAgent::Query($ev=ListeningPortsCompat::listening_port,
	                               $query="SELECT pid, name, protocol, address, port FROM listening_ports WHERE family=2",
	                               $utype=ZeekAgent::BOTH);
	ZeekAgent::subscribe(query);
	}
