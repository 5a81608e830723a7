##! Transport for a standalone Zeek: loads Zeek's ZeroMQ cluster backend and points the node's sockets at the
##! hub's embedded proxy (XSUB -> hub XPUB on 27760, XPUB -> hub XSUB on 27761). In a Zeek cluster this file does
##! nothing: the cluster keeps its own backend and proxy, and the hub joins that proxy (hub.zeromq.mode=connect).
##!
##! Override the endpoints in local.zeek *after* loading the package, e.g.
##!   redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint = "tcp://hub.example:27760";
##!   redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint = "tcp://hub.example:27761";

@load base/misc/version
@load base/frameworks/cluster
@load ./main

@if ( ! Cluster::is_enabled() )

@if ( Version::number >= 80100 )
# Zeek 8.1+: loading the backend selects it and runs Cluster::init() in zeek_init.
@load policy/frameworks/cluster/backend/zeromq
@else
# Zeek 7.1 - 8.0: the backend's connect script does the initialisation.
@load policy/frameworks/cluster/backend/zeromq/main
@load policy/frameworks/cluster/backend/zeromq/connect
@endif

# The naming of Zeek's options is by the *local* socket: the node's XSUB connects to the proxy's XPUB.
# Only Zeek's own defaults (5555/5556) are replaced, so an endpoint set before this file was loaded stays; one set
# after it wins anyway.
@if ( Cluster::Backend::ZeroMQ::connect_xsub_endpoint == "tcp://127.0.0.1:5555" )
redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint = ZeekAgentHub::default_hub_xpub_endpoint;
@endif
@if ( Cluster::Backend::ZeroMQ::connect_xpub_endpoint == "tcp://127.0.0.1:5556" )
redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint = ZeekAgentHub::default_hub_xsub_endpoint;
@endif

@endif
