package io.zeekagent.hub.dispatch;

import java.util.List;

/** Where the dispatcher reads what should be true: the online hosts and the enabled subscriptions. */
interface DesiredStateSource {

    /** Every host that is ONLINE now. */
    List<DispatchHost> onlineHosts();

    /** Every enabled subscription with its targets. */
    List<DesiredSubscription> enabledSubscriptions();
}
