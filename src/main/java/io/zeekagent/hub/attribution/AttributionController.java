package io.zeekagent.hub.attribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.exc.StreamReadException;

/** Attributes conn.log records to host socket events: one record as JSON, or a whole log streamed. */
@RestController
@RequestMapping("/api/v1/attributions")
@Tag(name = "Attributions", description = "Which host sockets (and processes) made a connection Zeek saw")
class AttributionController {

    static final String NDJSON = "application/x-ndjson";
    static final String TSV = "text/tab-separated-values";
    private static final String RECORD_EXAMPLE = """
            {"uid": "CHhAvVGS1DHFjwGM9", "ts": 1795996800.25, "id.orig_h": "10.0.0.1", "id.orig_p": 50000,
             "id.resp_h": "10.0.0.2", "id.resp_p": 443, "proto": "tcp"}""";

    private final AttributionService service;

    AttributionController(AttributionService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "attributeConnection",
            summary = "Attribute one conn.log record",
            description =
                    "Takes a Zeek conn.log record (flat `id.orig_h` or nested `id: {orig_h}` form) or a Suricata EVE"
                            + " record (`src_ip`, `src_port`, `dest_ip`, `dest_port`, `proto`, `timestamp`); other"
                            + " fields are ignored and returns the socket events of the originator's and the"
                            + " responder's hosts that match it, with its Community ID. Unknown addresses give"
                            + " empty arrays; an invalid address or port is a 400 naming the field.\n\n"
                            + "A `community_id` (with an optional `ts`) and no addresses or ports attributes a flow the"
                            + " hub has seen with its tuple: in a batch, a single record or a live Zeek request. An"
                            + " unseen one is a 200 with empty arrays, `complete: false` and `incomplete:"
                            + " [community-id-unknown]` (branch on `complete`, as for any incomplete answer); a"
                            + " `community_id` that is not `1:` and the base64 of 20 bytes is a 400 naming the"
                            + " field.\n\nEach match carries the numeric `uid` the agent reported and, once that host"
                            + " answered a query on its `users` table, the `user` name.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(ref = ConnRecordSchemas.REF),
                                            examples = {
                                                @ExampleObject(name = "flat", value = RECORD_EXAMPLE),
                                                @ExampleObject(name = "nested", value = """
                                            {"uid": "CHhAvVGS1DHFjwGM9", "ts": 1795996800.25,
                                             "id": {"orig_h": "10.0.0.1", "orig_p": 50000, "resp_h": "10.0.0.2",
                                             "resp_p": 443}, "proto": "tcp"}"""),
                                                @ExampleObject(name = "suricata-eve", value = """
                                            {"timestamp": "2026-11-30T00:00:00.250000+0000",
                                             "src_ip": "10.0.0.1", "src_port": 50000, "dest_ip": "10.0.0.2",
                                             "dest_port": 443, "proto": "TCP"}"""),
                                                @ExampleObject(name = "community-id", value = """
                                            {"community_id": "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "ts": 1795996800.25}""")
                                            })))
    @ApiResponse(
            responseCode = "200",
            description = "The attribution, possibly with empty arrays",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AttributionResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Not one JSON object, or an invalid address, port, time or Community ID",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "503",
            description = "The index is still being rebuilt",
            content = @Content(mediaType = "application/problem+json"))
    void attribute(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Read from and write to the raw streams (no JSON tree, no databinding, no message converters on either
        // side): SOAR tools call this endpoint per connection. The body's size is bounded by BodySizeLimitFilter.
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            throw new HttpMessageNotReadableException(
                    "Required request body is missing", new ServletServerHttpRequest(request));
        }
        ConnFields fields = new ConnFields();
        ConnJsonReader reader = new ConnJsonReader();
        String malformed = reader.read(body, 0, body.length, fields);
        if (malformed == ConnJsonReader.NOT_AN_OBJECT) {
            malformed = reader.validate(body, 0, body.length);
            if (malformed == null) {
                throw InvalidRequestException.forField("body", "must be a JSON object (one conn.log record)");
            }
        }
        if (malformed != null) {
            // The same 400 malformed-json problem a databound body gets.
            throw new HttpMessageNotReadableException(
                    "Malformed JSON", new StreamReadException(malformed), new ServletServerHttpRequest(request));
        }
        byte[] answer = AttributionJson.write(service.attribute(fields));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    @PostMapping(
            path = "/batch",
            consumes = {NDJSON, TSV, MediaType.TEXT_PLAIN_VALUE},
            produces = {NDJSON, TSV})
    @Operation(
            operationId = "attributeConnLog",
            summary = "Attribute a whole conn.log, streamed",
            description = "NDJSON (Zeek JSON logs) in, NDJSON out with `orig_seuids`, `resp_seuids` and"
                    + " `community_id` added before each record's closing brace, every original field kept in order."
                    + " Zeek ASCII TSV in (`text/tab-separated-values`, or `text/plain` with `#fields`), TSV out with"
                    + " two `set[string]` columns added. Constant memory either way. A malformed line is reported"
                    + " (`_line`/`_error` in NDJSON, a `#error` line in TSV) and the rest is still processed.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = NDJSON, examples = @ExampleObject(value = RECORD_EXAMPLE)),
                                @Content(mediaType = TSV, examples = @ExampleObject(value = """
                                            #separator \\x09
                                            #fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	proto
                                            #types	time	string	addr	port	addr	port	enum
                                            1795996800.250000	CHhAvVGS1DHFjwGM9	10.0.0.1	50000	10.0.0.2	443	tcp"""))
                            }))
    @ApiResponse(responseCode = "200", description = "The enriched log, streamed as it is read")
    @ApiResponse(
            responseCode = "503",
            description = "The index is still being rebuilt",
            content = @Content(mediaType = "application/problem+json"))
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        service.requireReady();
        BufferedInputStream in = new BufferedInputStream(request.getInputStream(), 64 * 1024);
        boolean json = isJson(request.getContentType(), in);
        response.setStatus(HttpServletResponse.SC_OK);
        if (json) {
            response.setContentType(NDJSON);
            BufferedOutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
            new NdjsonEnricher(service.tiers(), service.groupSize(), service.flows()).enrich(in, out);
            out.flush();
        } else {
            response.setContentType(TSV + ";charset=UTF-8");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
            BufferedWriter writer = new BufferedWriter(
                    new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
            new ZeekTsvEnricher(service.tiers(), service.groupSize(), service.flows()).enrich(reader, writer);
            writer.flush();
        }
    }

    /** NDJSON by media type; for {@code text/plain}, by the first non-blank byte. */
    private static boolean isJson(@Nullable String contentType, BufferedInputStream in) throws IOException {
        if (contentType != null && contentType.startsWith(NDJSON)) {
            return true;
        }
        if (contentType != null && contentType.startsWith(TSV)) {
            return false;
        }
        in.mark(64 * 1024);
        try {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
            return b == '{';
        } finally {
            in.reset();
        }
    }
}
