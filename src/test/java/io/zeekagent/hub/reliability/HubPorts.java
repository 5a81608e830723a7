package io.zeekagent.hub.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports for the campaign's hubs (never the defaults: other builds run on this machine at the same time). */
final class HubPorts {

    private HubPorts() {}

    static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
