package io.zeekagent.hub.osquery;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Runs one simulated osquery host against a running hub, standing in for {@code osqueryd} when following
 * docs/osquery.md: {@code OsquerySimulatorMain https://localhost:8443 hub.pem <enroll secret> [host id] [address]}.
 * It enrolls, polls config and distributed queries, and every 2 s logs a new outbound connection in
 * {@code socket_events} (from its address to 192.0.2.80:443), as osquery with the doc's flagfile would.
 */
public final class OsquerySimulatorMain {

    private OsquerySimulatorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: OsquerySimulatorMain https://hub:8443 hub.pem <enroll secret> [host id] [address]");
            System.exit(2);
        }
        String hostId = args.length > 3 ? args[3] : "osquery-sim-01";
        String address = args.length > 4 ? args[4] : "198.51.100.7";
        OsquerySimulator sim = new OsquerySimulator(
                URI.create(args[0]), trusting(Path.of(args[1])), "/api/osquery", args[2], hostId, "5e1f0c0ffee00001");
        sim.table("interface_addresses", List.of(Map.of("address", address), Map.of("address", "127.0.0.1")));
        sim.table("os_version", List.of(Map.of("name", "Ubuntu", "version", "22.04.4 LTS", "platform", "ubuntu")));
        for (int tick = 0; ; tick++) {
            if (tick % 5 == 0) {
                System.out.println("config: " + (sim.fetchConfig() ? sim.scheduledNames() : "refused"));
            }
            int queries = sim.runDistributed();
            long now = Instant.now().getEpochSecond();
            sim.table(
                    "socket_events",
                    List.of(OsquerySimulator.socketEvent(
                            "connect",
                            4000 + tick,
                            "3",
                            "/usr/bin/curl",
                            2,
                            "",
                            0,
                            "192.0.2.80",
                            443,
                            "succeeded",
                            now)));
            sim.runSchedule();
            boolean sent = sim.flushLogs();
            System.out.printf(
                    "%s enrolled %d time(s), %d distributed queries answered, logs %s (%d buffered)%n",
                    hostId, sim.enrollments(), queries, sent ? "accepted" : "kept", sim.bufferedLines());
            Thread.sleep(2000);
        }
    }

    /** Trusts exactly the PEM certificate, as {@code --tls_server_certs} does. */
    static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry(
                    "hub", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
