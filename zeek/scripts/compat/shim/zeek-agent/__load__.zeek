# Stands in for the zeek-agent framework's package name, so that scripts written for it ("@load zeek-agent") load
# unchanged with the hub as their backend. Put the directory holding this one (.../zeek-agent-hub/compat/shim) on
# ZEEKPATH, or link it into a directory that is; never next to a real zeek-agent framework installation.
@load zeek-agent-hub/compat
