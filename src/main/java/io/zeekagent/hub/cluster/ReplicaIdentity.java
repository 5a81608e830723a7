package io.zeekagent.hub.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** This replica's name and the URL its peers reach its REST API at. */
final class ReplicaIdentity {

    private final String replicaId;
    private final @Nullable String advertisedUrl;
    private volatile String restUrl;

    ReplicaIdentity(ClusterProperties properties) {
        String host = localHostName();
        this.replicaId =
                properties.replicaIdOr(host + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.advertisedUrl = properties.advertisedUrlOrNull();
        this.restUrl = advertisedUrl != null ? advertisedUrl : "http://" + host + ":0";
    }

    String replicaId() {
        return replicaId;
    }

    String restUrl() {
        return restUrl;
    }

    void webServerStarted(int port) {
        if (advertisedUrl == null) {
            restUrl = "http://" + localHostName() + ":" + port;
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
