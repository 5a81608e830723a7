package io.zeekagent.hub.osquery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for {@code osqueryd} with {@code --config_plugin=tls --logger_plugin=tls --distributed_plugin=tls},
 * checked against osquery's own code and fixtures (osquery-tls.md §1, §4): requests are POSTs with {@code
 * Content-Type}/{@code Accept: application/json} and {@code User-Agent: osquery/<version>}; enroll sends {@code
 * enroll_secret}, {@code host_identifier}, {@code platform_type} ({@code "9"} on Linux) and string-valued {@code
 * host_details}; every other request carries {@code node_key} as the body's last field and, as osquery 5.23+
 * does, {@code Authorization: NodeKey}; logs go as {@code {"log_type", "data": [line objects]}} (optionally
 * gzip'd, {@code --logger_tls_compress}); result lines are event-format lines as {@code logger.cpp} expects them.
 * It reacts as osquery does: the status code is ignored, an empty body is success, {@code node_invalid} drops the
 * key (the next request enrolls again), {@code error} is a failure, and a failed log batch stays buffered.
 */
final class OsquerySimulator {

    static final String VERSION = "5.23.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\s+([a-z_0-9]+)");
    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\s+(.*?)\\s+from\\s");

    private final HttpClient client;
    private final URI base;
    private final String prefix;
    private final String secret;
    private final String hostIdentifier;
    private final String instanceId;
    private final String hostname;
    private final Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
    private final List<JsonNode> resultBuffer = new ArrayList<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private boolean nodeKeyHeader = true;
    private boolean gzipLogs;
    private @Nullable String nodeKey;
    private JsonNode config = JSON.createObjectNode();
    private int enrollments;
    private int failedLogAttempts;
    private int nodeInvalids;

    OsquerySimulator(URI base, SSLContext ssl, String prefix, String secret, String hostIdentifier, String instanceId) {
        this.client = HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = base;
        this.prefix = prefix;
        this.secret = secret;
        this.hostIdentifier = hostIdentifier;
        this.instanceId = instanceId;
        this.hostname = hostIdentifier + ".example.net";
    }

    /** osquery before 5.23 sends the node key only in the body. */
    OsquerySimulator withoutNodeKeyHeader() {
        nodeKeyHeader = false;
        return this;
    }

    /** {@code --logger_tls_compress=true}. */
    OsquerySimulator gzipLogs() {
        gzipLogs = true;
        return this;
    }

    /** Rows a table answers with (all values text, as osquery sends them). */
    void table(String name, List<Map<String, String>> rows) {
        tables.put(name, List.copyOf(rows));
    }

    @Nullable
    String nodeKey() {
        return nodeKey;
    }

    int enrollments() {
        return enrollments;
    }

    int nodeInvalids() {
        return nodeInvalids;
    }

    int failedLogAttempts() {
        return failedLogAttempts;
    }

    int bufferedLines() {
        return resultBuffer.size();
    }

    JsonNode lastConfig() {
        return config;
    }

    /** Enrolls, as {@code tls_enroll.cpp} requestKey does; true when a node key came back. */
    boolean enroll() {
        ObjectNode body = JSON.createObjectNode();
        body.put("enroll_secret", secret);
        body.put("host_identifier", hostIdentifier);
        body.put("platform_type", "9");
        ObjectNode details = body.putObject("host_details");
        ObjectNode os = details.putObject("os_version");
        os.put("name", "Ubuntu");
        os.put("version", "22.04.4 LTS (Jammy Jellyfish)");
        os.put("major", "22");
        os.put("minor", "4");
        os.put("patch", "0");
        os.put("build", "");
        os.put("platform", "ubuntu");
        os.put("platform_like", "debian");
        os.put("codename", "jammy");
        os.put("arch", "x86_64");
        ObjectNode info = details.putObject("osquery_info");
        info.put("pid", "1234");
        info.put("uuid", "4c4c4544-0031-3810-8051-" + instanceId.substring(0, 12));
        info.put("instance_id", instanceId);
        info.put("version", VERSION);
        info.put("config_hash", "");
        info.put("config_valid", "0");
        info.put("extensions", "inactive");
        info.put("build_platform", "ubuntu");
        info.put("build_distro", "centos7");
        info.put("start_time", Long.toString(Instant.now().getEpochSecond()));
        info.put("watcher", "1233");
        info.put("platform_mask", "9");
        ObjectNode system = details.putObject("system_info");
        system.put("hostname", hostname);
        system.put("uuid", "4c4c4544-0031-3810-8051-b2c04f4d3532");
        system.put("cpu_type", "x86_64");
        system.put("computer_name", hostIdentifier);
        Optional<JsonNode> reply = send("/enroll", body, false, false);
        String key = reply.map(r -> r.path("node_key").asString("")).orElse("");
        if (key.isEmpty()) {
            return false;
        }
        nodeKey = key;
        enrollments++;
        return true;
    }

    /** {@code /config}; on success the config is kept, as osquery keeps the last good one. */
    boolean fetchConfig() {
        Optional<JsonNode> reply = request("/config", JSON.createObjectNode(), false);
        reply.ifPresent(c -> config = c);
        return reply.isPresent();
    }

    /** The schedule's query names of the last good config. */
    List<String> scheduledNames() {
        List<String> names = new ArrayList<>();
        config.path("schedule").propertyNames().forEach(names::add);
        return names;
    }

    /** Runs every scheduled query once, buffering one event-format line per new row (events are emitted once). */
    void runSchedule() {
        for (String name : scheduledNames()) {
            JsonNode q = config.path("schedule").path(name);
            List<Map<String, String>> rows = answer(q.path("query").asString());
            long counter = counters.merge(name, 1L, Long::sum) - 1;
            for (Map<String, String> row : rows) {
                resultBuffer.add(eventLine(name, hostIdentifier, counter, row, "added"));
            }
        }
        tables.replaceAll((t, rows) -> t.endsWith("_events") ? List.of() : rows);
    }

    /** Buffers lines as they are (for hostile or fixture lines). */
    void buffer(JsonNode line) {
        resultBuffer.add(line);
    }

    /** Sends up to 1,024 buffered result lines; they leave the buffer only when the hub accepted them. */
    boolean flushLogs() {
        if (resultBuffer.isEmpty()) {
            return true;
        }
        List<JsonNode> batch = new ArrayList<>(resultBuffer.subList(0, Math.min(1024, resultBuffer.size())));
        ObjectNode body = JSON.createObjectNode();
        body.put("log_type", "result");
        ArrayNode data = body.putArray("data");
        batch.forEach(data::add);
        if (request("/log", body, gzipLogs).isPresent()) {
            resultBuffer.subList(0, batch.size()).clear();
            failedLogAttempts = 0;
            return true;
        }
        failedLogAttempts++;
        return false;
    }

    /** One distributed read, the queries run, and their write. */
    int runDistributed() {
        Optional<JsonNode> read = request("/distributed/read", JSON.createObjectNode(), false);
        if (read.isEmpty()) {
            return 0;
        }
        JsonNode queries = read.get().path("queries");
        if (queries.isEmpty()) {
            return 0;
        }
        ObjectNode write = JSON.createObjectNode();
        ObjectNode results = write.putObject("queries");
        ObjectNode statuses = write.putObject("statuses");
        ObjectNode messages = write.putObject("messages");
        ObjectNode stats = write.putObject("stats");
        for (String name : queries.propertyNames()) {
            String sql = queries.get(name).asString();
            Matcher from = FROM.matcher(sql);
            if (!from.find() || !tables.containsKey(from.group(1).toLowerCase(Locale.ROOT))) {
                results.put(name, "");
                statuses.put(name, 1);
                messages.put(name, "no such table: " + (from.find(0) ? from.group(1) : "?"));
                continue;
            }
            List<Map<String, String>> rows = answer(sql);
            if (rows.isEmpty()) {
                results.put(name, "");
            } else {
                ArrayNode array = results.putArray(name);
                rows.forEach(r -> array.add(JSON.valueToTree(r)));
            }
            statuses.put(name, 0);
            messages.put(name, "");
            ObjectNode s = stats.putObject(name);
            s.put("wall_time_ms", 1);
            s.put("user_time", 0);
            s.put("system_time", 0);
            s.put("memory", 2048);
        }
        request("/distributed/write", write, false);
        return queries.size();
    }

    /** A request of an enrolled node; enrolls first when it has no key, as osquery's getNodeKey does. */
    Optional<JsonNode> request(String endpoint, ObjectNode params, boolean gzip) {
        if (nodeKey == null && !enroll()) {
            return Optional.empty();
        }
        params.put("node_key", nodeKey);
        return send(endpoint, params, nodeKeyHeader, gzip);
    }

    /** The exchange as osquery's TLSRequestHelper::go sees it: the status is never looked at. */
    Optional<JsonNode> send(String endpoint, ObjectNode body, boolean header, boolean gzip) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(prefix + endpoint))
                .timeout(Duration.ofSeconds(16))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "osquery/" + VERSION);
        if (header && nodeKey != null) {
            request.header("Authorization", "NodeKey " + nodeKey);
        }
        if (gzip) {
            bytes = gzip(bytes);
            request.header("Content-Encoding", "gzip");
        }
        HttpResponse<String> response;
        try {
            response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return Optional.of(JSON.createObjectNode());
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (reply.path("node_invalid").asBoolean(false)) {
            nodeInvalids++;
            nodeKey = null;
            return Optional.empty();
        }
        if (reply.has("error")) {
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    /** A {@code socket_events} row as osquery's Linux Audit table fills it: all text, {@code auid} unset. */
    static Map<String, String> socketEvent(
            String action,
            long pid,
            String fdHex,
            String path,
            int family,
            String localAddress,
            int localPort,
            String remoteAddress,
            int remotePort,
            String status,
            long time) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("action", action);
        row.put("pid", Long.toString(pid));
        row.put("fd", fdHex);
        row.put("path", path);
        row.put("auid", "4294967295");
        row.put("family", Integer.toString(family));
        row.put("local_address", localAddress);
        row.put("local_port", Integer.toString(localPort));
        row.put("remote_address", remoteAddress);
        row.put("remote_port", Integer.toString(remotePort));
        row.put("status", status);
        row.put("time", Long.toString(time));
        return row;
    }

    /** An event-format result line as {@code logger.cpp}'s test expects it, field for field. */
    static ObjectNode eventLine(
            String name, String hostIdentifier, long counter, Map<String, String> columns, String action) {
        ObjectNode line = JSON.createObjectNode();
        line.put("name", name);
        line.put("hostIdentifier", hostIdentifier);
        line.put("calendarTime", "Sun Dec  6 02:37:00 2026 UTC");
        line.put("unixTime", Instant.now().getEpochSecond());
        line.put("epoch", 0);
        line.put("counter", counter);
        line.put("numerics", false);
        ObjectNode decorations = line.putObject("decorations");
        decorations.put("host_uuid", "4c4c4544-0031-3810-8051-b2c04f4d3532");
        decorations.put("hostname", hostIdentifier);
        line.set("columns", JSON.valueToTree(columns));
        line.put("action", action);
        return line;
    }

    private List<Map<String, String>> answer(String sql) {
        Matcher from = FROM.matcher(sql);
        if (!from.find()) {
            return List.of();
        }
        List<Map<String, String>> rows = tables.getOrDefault(from.group(1).toLowerCase(Locale.ROOT), List.of());
        Matcher select = SELECT.matcher(sql);
        if (!select.find() || select.group(1).strip().equals("*")) {
            return rows;
        }
        List<String> columns = new ArrayList<>();
        for (String c : select.group(1).split(",")) {
            columns.add(c.strip());
        }
        List<Map<String, String>> projected = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> p = new LinkedHashMap<>();
            columns.forEach(c -> p.put(c, row.getOrDefault(c, "")));
            projected.add(p);
        }
        return projected;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
