package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;

/** {@code ZeekAgentHub::hub_hello(hub_id: string, version: string, every: interval)}. */
final class HubHello {

    private HubHello() {}

    /** The hello saying this hub is up and will say so again within {@code every}. */
    static ZeekEvent event(String hubId, String version, Duration every) {
        return ZeekEvent.of(
                ZeekTopics.HUB_HELLO,
                BrokerValue.string(hubId),
                BrokerValue.string(version),
                BrokerValue.timespan(every));
    }
}
