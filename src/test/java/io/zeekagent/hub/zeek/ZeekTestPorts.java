package io.zeekagent.hub.zeek;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Free TCP ports for the Zeek tests' hub proxies. All ports of one call are held open together while they are chosen,
 * so the XPUB and XSUB endpoints never get the same port (two one-at-a-time picks can, and the hub then fails to bind).
 */
final class ZeekTestPorts {

    private ZeekTestPorts() {}

    static int[] distinct(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // The port was only being held; closing it is all that is left to do.
                    }
                }
            }
        }
    }
}
