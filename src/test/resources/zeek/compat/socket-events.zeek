#! A script in the style of the zeek-agent framework's auditd socket-events query script, written against the
#! framework's API only: loads "zeek-agent", subscribes to socket events, logs each added row.

@load zeek-agent

module SocketEventsCompat;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts:             time   &log;
		host_ts:        time   &log;
		host:           string &log;
		hostname:       string &log;
		syscall:        string &log;
		pid:            int    &log;
		fd:             int    &log;
		exe:            string &log;
		local_address:  addr   &log &default=0.0.0.0;
		remote_address: addr   &log &default=0.0.0.0;
		local_port:     int    &log;
		remote_port:    int    &log;
		success:        int    &log;
		uid:            int    &log;
	};
}

event SocketEventsCompat::socket_event_added(result: ZeekAgent::Result, syscall: string, pid: int, fd: int,
                                             exe: string, local_address: string, remote_address: string,
                                             local_port: int, remote_port: int, host_time: int, success: int,
                                             uid: int)
	{
	if ( result$utype != ZeekAgent::ADD )
		return;

	local info = Info($ts=network_time(), $host_ts=double_to_time(host_time), $host=result$host,
	                  $hostname=ZeekAgent::getHostInfo(result$host)$hostname, $syscall=syscall, $pid=pid, $fd=fd,
	                  $exe=exe, $local_port=local_port, $remote_port=remote_port, $success=success, $uid=uid);
	if ( local_address != "" )
		info$local_address = to_addr(local_address);
	if ( remote_address != "" )
		info$remote_address = to_addr(remote_address);
	Log::write(LOG, info);
	}

event zeek_init() &priority=10
	{
	Log::create_stream(LOG, [$columns=Info, $path="agent-socket_events"]);
	local query = ZeekAgent::Query($ev=SocketEventsCompat::socket_event_added,
	                               $query="SELECT syscall, pid, fd, exe, local_address, remote_address, local_port, remote_port, time, success, uid FROM socket_events WHERE family=2",
	                               $utype=ZeekAgent::ADD, $inter=1sec);
	ZeekAgent::subscribe(query);
	}
