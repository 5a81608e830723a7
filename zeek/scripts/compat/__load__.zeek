# zeek-agent-hub/compat: the zeek-agent framework's script API (module ZeekAgent) with the Zeek Agent Hub as its
# backend. Opt-in: "@load zeek-agent-hub/compat". Cannot be loaded together with the zeek-agent framework or the
# zeek-agent-v2 package (same module and names). See docs/zeek-package.md, "Coming from the zeek-agent framework".
@load ./main
@load ./calls
@load ./api
