package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** What one node holding every host and event answers, memory only, for comparing replicas' answers with. */
public final class SingleNodeEnrichment {

    private final AttributionIndex index =
            new AttributionIndex(Duration.ofHours(24), 2_000_000, Duration.ofSeconds(30));

    public SingleNodeEnrichment(List<HostAddresses> hosts, List<SocketEventEntry> events) {
        hosts.forEach(index::putHost);
        index.addAll(events);
    }

    public String ndjson(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonEnricher(index).enrich(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public String tsv(String input) throws IOException {
        StringWriter out = new StringWriter();
        new ZeekTsvEnricher(index).enrich(new BufferedReader(new StringReader(input)), out);
        return out.toString();
    }
}
