package io.zeekagent.hub.zeek;

/**
 * Topic and event names of the compat script API (zeek/scripts/compat, docs/zeek-package.md): control events from
 * Zeek on {@link #CONTROL}; rows, presence and errors back on the calling process's inbox.
 */
final class CompatEvents {

    /** Zeek → hub: the control events. Trailing dot, like every topic of the package. */
    static final String CONTROL = "zeek-agent-hub.ctl.";

    static final String SUBSCRIBE = "ZeekAgentHub::compat_subscribe";
    static final String UNSUBSCRIBE = "ZeekAgentHub::compat_unsubscribe";
    static final String EXECUTE = "ZeekAgentHub::compat_execute";
    static final String JOIN = "ZeekAgentHub::compat_join";
    static final String LEAVE = "ZeekAgentHub::compat_leave";

    /** Hub → inbox: {@code compat_error(cookie: string, msg: string)}, a call the hub could not carry out. */
    static final String ERROR = "ZeekAgentHub::compat_error";

    /** Hub → inbox: {@code compat_host_info(host_id: string, hostname: string)}, before {@code host_connected}. */
    static final String HOST_INFO = "ZeekAgentHub::compat_host_info";

    /** Hub → inbox: the seed's presence events. */
    static final String HOST_CONNECTED = "ZeekAgent::host_connected";

    static final String HOST_DISCONNECTED = "ZeekAgent::host_disconnected";

    private CompatEvents() {}
}
