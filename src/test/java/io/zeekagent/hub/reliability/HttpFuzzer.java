package io.zeekagent.hub.reliability;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the hub's own OpenAPI document and throws hostile requests at every operation it lists: malformed,
 * truncated and deeply nested JSON, wrong types, huge numbers, invalid UTF-8, wrong content types, empty and
 * oversized bodies, path traversal in ids and SQL injection text in every string field and parameter.
 *
 * <p>Driving the fuzzer from the OpenAPI document means a new endpoint is fuzzed the day it is added.
 */
final class HttpFuzzer {

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE hosts; --",
            "\") UNION SELECT * FROM api_keys --",
            "../../../../etc/passwd",
            "..%2f..%2f..%2fetc%2fpasswd",
            "%00",
            "\u0000\u0001\u007f",
            "\uD83D\uDE00 \u202E \uFEFF",
            "x".repeat(5000),
            "${jndi:ldap://127.0.0.1/a}",
            "<script>alert(1)</script>");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final Map<String, String> headers;
    private final long oversizedBytes;
    private final List<String> failures = new ArrayList<>();
    private int tried;

    HttpFuzzer(String baseUrl, Map<String, String> headers, long oversizedBytes) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.oversizedBytes = oversizedBytes;
    }

    int tried() {
        return tried;
    }

    /** Requests that got a 5xx, or a 4xx without a problem+json body. */
    List<String> failures() {
        return failures;
    }

    void fuzzAll() throws Exception {
        JsonNode api = json.readTree(send("GET", "/v3/api-docs", null, null).body());
        JsonNode paths = api.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops =
                            path.getValue().properties().iterator();
                    ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                fuzzOperation(api, op.getKey().toUpperCase(), path.getKey(), op.getValue());
            }
        }
        fuzzConsole();
    }

    /**
     * The console's static files are not in the OpenAPI document: every method on its pages and assets, hostile
     * names and traversal under {@code /console/}, and bodies sent where none belong.
     */
    void fuzzConsole() {
        List<String> paths = new ArrayList<>(List.of(
                "/console",
                "/console/",
                "/console/index.html",
                "/console/console.css",
                "/console/js/app.js",
                "/console/js/",
                "/console/..%2f..%2fapplication.properties",
                "/console/%2e%2e/%2e%2e/application.properties",
                "/console/js/..%5c..%5capplication.properties",
                "/console/index.html%00.js",
                "/console/index.html;jsessionid=1",
                "/console//index.html",
                "/console/?key=x&page=../../etc/passwd"));
        for (String hostile : HOSTILE_STRINGS) {
            paths.add("/console/" + enc(hostile));
            paths.add("/console/js/" + enc(hostile) + ".js");
        }
        for (String path : paths) {
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                boolean body = method.startsWith("P");
                check(method, path, body ? "application/json" : null, body ? bytes("{\"a\":1}") : null);
            }
        }
    }

    private void fuzzOperation(JsonNode api, String method, String template, JsonNode op) throws Exception {
        String plain = template.replaceAll("\\{[^}]+}", "does-not-exist");
        for (String hostile : HOSTILE_STRINGS) {
            String path = template.replaceAll("\\{[^}]+}", URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            check(method, path, null, null);
        }
        for (JsonNode param : op.path("parameters")) {
            if (!"query".equals(param.path("in").asString())) {
                continue;
            }
            String name = param.path("name").asString();
            for (String value : List.of("-1", "abc", "99999999999999999999999", "1e400", "", "' OR 1=1 --")) {
                check("GET".equals(method) ? method : method, plain + "?" + name + "=" + enc(value), null, null);
            }
        }
        JsonNode bodySchema =
                op.path("requestBody").path("content").path("application/json").path("schema");
        if (bodySchema.isMissingNode()) {
            return;
        }
        JsonNode sample = sample(api, bodySchema, 0);
        String sampleText = json.writeValueAsString(sample);
        String json = "application/json";
        check(method, plain, json, bytes("{"));
        check(method, plain, json, bytes(sampleText.substring(0, Math.max(1, sampleText.length() / 2))));
        check(method, plain, json, bytes(""));
        check(method, plain, json, bytes("null"));
        check(method, plain, json, bytes(sample.isArray() ? "{}" : "[]"));
        check(method, plain, json, bytes("[".repeat(20_000) + "]".repeat(20_000)));
        check(method, plain, json, bytes("{\"a\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)));
        check(method, plain, json, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        check(method, plain, "text/plain", bytes(sampleText));
        check(method, plain, "application/xml", bytes("<a/>"));
        check(method, plain, json, oversized());
        for (JsonNode mutant : mutants(sample)) {
            check(method, plain, json, bytes(this.json.writeValueAsString(mutant)));
        }
    }

    /** The sample with each field in turn replaced by hostile strings, wrong types and huge numbers. */
    private List<JsonNode> mutants(JsonNode sample) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode object = sample.isArray() && !sample.isEmpty() ? sample.get(0) : sample;
        if (!(object instanceof ObjectNode obj)) {
            return out;
        }
        List<String> names = new ArrayList<>(obj.propertyNames());
        for (String field : names) {
            List<JsonNode> replacements = new ArrayList<>();
            HOSTILE_STRINGS.forEach(s -> replacements.add(JsonNodeFactory.instance.stringNode(s)));
            replacements.add(JsonNodeFactory.instance.numberNode(new java.math.BigInteger("9".repeat(40))));
            replacements.add(JsonNodeFactory.instance.numberNode(-1));
            replacements.add(JsonNodeFactory.instance.booleanNode(true));
            replacements.add(JsonNodeFactory.instance.objectNode());
            replacements.add(JsonNodeFactory.instance.arrayNode().add("' OR 1=1 --"));
            replacements.add(JsonNodeFactory.instance.nullNode());
            for (JsonNode r : replacements) {
                ObjectNode copy = obj.deepCopy();
                copy.set(field, r);
                out.add(sample.isArray() ? JsonNodeFactory.instance.arrayNode().add(copy) : copy);
            }
        }
        return out;
    }

    private JsonNode sample(JsonNode api, JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (depth > 6) {
            return f.nullNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return sample(api, api.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example");
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "array" -> {
                ArrayNode a = f.arrayNode();
                a.add(sample(api, schema.path("items"), depth + 1));
                return a;
            }
            case "string" -> {
                return schema.has("enum") ? schema.get("enum").get(0) : f.stringNode("x");
            }
            case "integer", "number" -> {
                return f.numberNode(1);
            }
            case "boolean" -> {
                return f.booleanNode(true);
            }
            default -> {
                ObjectNode o = f.objectNode();
                schema.path("properties")
                        .properties()
                        .forEach(e -> o.set(e.getKey(), sample(api, e.getValue(), depth + 1)));
                return o;
            }
        }
    }

    private void check(String method, String path, String contentType, byte[] body) {
        tried++;
        try {
            HttpResponse<String> response = send(method, path, contentType, body);
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                failures.add(method + " " + abbreviate(path) + " -> " + status + " " + abbreviate(response.body()));
            } else if (status >= 400 && status != 404 && !type.contains("problem+json")) {
                failures.add(
                        method + " " + abbreviate(path) + " -> " + status + " without problem+json (" + type + ")");
            }
        } catch (java.io.IOException e) {
            // The server may close the connection on an oversized body after answering; that is not a crash.
            if (body == null || body.length < oversizedBytes) {
                failures.add(method + " " + abbreviate(path) + " -> I/O error " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws java.io.IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] oversized() {
        byte[] b = new byte[(int) oversizedBytes + 1024];
        java.util.Arrays.fill(b, (byte) ' ');
        b[0] = '[';
        b[b.length - 1] = ']';
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
