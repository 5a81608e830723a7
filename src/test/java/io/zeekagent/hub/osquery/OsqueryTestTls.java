package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed keystore made with the JDK's keytool for {@code localhost}/{@code 127.0.0.1}, and a client context
 * that trusts exactly that certificate, as osquery's {@code --tls_server_certs} pins it.
 */
final class OsqueryTestTls {

    static final String PASSWORD = "changeit";

    private OsqueryTestTls() {}

    static Path keystore(Path dir) {
        Path keystore = dir.resolve("osquery-hub.p12");
        if (Files.exists(keystore)) {
            return keystore;
        }
        try {
            Process keytool = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "hub",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD))
                    .inheritIO()
                    .start();
            assertThat(keytool.waitFor()).isZero();
            return keystore;
        } catch (Exception e) {
            throw new IllegalStateException("keytool failed", e);
        }
    }

    /** A client context trusting only the keystore's certificate. */
    static SSLContext trusting(Path keystore) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("hub", store.getCertificate("hub"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
