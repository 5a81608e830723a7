##! With Zeek's ZeroMQ cluster backend: notices at once when the hub withdraws its subscription to the request
##! topic (it stopped, or the proxy lost it), instead of waiting hub_timeout for the missing hello. Loaded after
##! the backend (zeek-agent-hub/standalone, or the cluster's own configuration); does nothing without it.

@load ./main

module ZeekAgentHub;

@ifdef ( Cluster::Backend::ZeroMQ::unsubscription )
event Cluster::Backend::ZeroMQ::unsubscription(topic: string)
	{
	if ( topic == request_topic )
		hub_withdrew();
	}
@endif
