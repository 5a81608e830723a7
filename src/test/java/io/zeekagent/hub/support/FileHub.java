package io.zeekagent.hub.support;

import io.zeekagent.hub.ZeekAgentHubApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole hub on an H2 file database in a folder, for tests that stop it and start it again on the same data. */
public final class FileHub {

    private FileHub() {}

    /**
     * Starts a hub whose database is {@code dir/hub} (H2 file) and whose activity log is in {@code dir}. Extra
     * {@code --name=value} arguments are command-line arguments: they win over the test-wide
     * {@code config/application.properties}, default properties would not.
     */
    public static ConfigurableApplicationContext start(Path dir, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE",
                "--hub.activity.file=" + dir.resolve("zeek-agent.log")));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(ZeekAgentHubApplication.class).run(all.toArray(String[]::new));
    }

    /** A client for the hub's HTTP port. */
    public static HubHttp http(ConfigurableApplicationContext hub) {
        return new HubHttp(((WebServerApplicationContext) hub).getWebServer().getPort());
    }
}
