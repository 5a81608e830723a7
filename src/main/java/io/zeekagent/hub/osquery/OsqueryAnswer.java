package io.zeekagent.hub.osquery;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the hub answers osquery: an HTTP status and a JSON object. osquery ignores the status and reads only the
 * body, so every answer has one; {@code node_invalid} and {@code error} are what make osquery treat it as failed.
 *
 * @param status the HTTP status, for people and proxies
 * @param body the JSON object sent
 */
record OsqueryAnswer(int status, ObjectNode body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An empty object: accepted. */
    static OsqueryAnswer ok() {
        return new OsqueryAnswer(200, JSON.createObjectNode());
    }

    static OsqueryAnswer ok(ObjectNode body) {
        return new OsqueryAnswer(200, body);
    }

    /** A failure osquery retries later, keeping what it sent (a log batch stays in its buffer). */
    static OsqueryAnswer error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        return new OsqueryAnswer(status, body);
    }

    /** The node key is unknown: osquery forgets it and enrolls again. */
    static OsqueryAnswer nodeInvalid(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("node_invalid", true);
        body.put("error", message);
        return new OsqueryAnswer(401, body);
    }

    static OsqueryAnswer of(Map<String, Object> fields) {
        return new OsqueryAnswer(200, JSON.valueToTree(fields));
    }

    byte[] bytes() {
        return JSON.writeValueAsBytes(body);
    }
}
