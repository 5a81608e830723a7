package io.zeekagent.hub.host;

import java.util.List;

/** Read access to every host's addresses, for features (attribution) that rebuild their own index at start. */
public interface HostAddressLookup {

    /** Every known host with its hostname and addresses. */
    List<HostAddresses> allHostAddresses();
}
