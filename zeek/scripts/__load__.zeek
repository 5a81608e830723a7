# zeek-agent-hub: live conn.log enrichment from the Zeek Agent Hub (docs/zeek-package.md).
# "@load zeek-agent-hub" loads the enrichment and, in a standalone Zeek, the ZeroMQ connection to the hub.
# Load "zeek-agent-hub/main" alone to bring your own cluster backend configuration.
@load ./main
@load ./standalone
@load ./zeromq
