package io.zeekagent.hub.attribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link AttributionResponse} as the JSON the API documents, the same JSON Jackson writes for the record
 * (field order, {@code null}s kept, {@link Instant} in ISO-8601) but without message-converter and serializer work
 * per request: SOAR tools call the single-record endpoint per connection, so its answer is built directly.
 */
final class AttributionJson {

    private AttributionJson() {}

    static byte[] write(AttributionResponse response) {
        StringBuilder sb = new StringBuilder(160 + 260 * response.matches().size());
        sb.append("{\"uid\":");
        string(response.uid(), sb);
        sb.append(",\"community_id\":");
        string(response.communityId(), sb);
        sb.append(",\"orig_seuids\":");
        strings(response.origSeuids(), sb);
        sb.append(",\"resp_seuids\":");
        strings(response.respSeuids(), sb);
        sb.append(",\"matches\":[");
        List<AttributionMatch> matches = response.matches();
        for (int i = 0; i < matches.size(); i++) {
            AttributionMatch m = matches.get(i);
            sb.append(i == 0 ? "{\"side\":" : ",{\"side\":");
            string(m.side(), sb);
            sb.append(",\"seuid\":");
            string(m.seuid(), sb);
            sb.append(",\"hostId\":");
            string(m.hostId(), sb);
            sb.append(",\"hostname\":");
            string(m.hostname(), sb);
            sb.append(",\"pid\":").append(m.pid());
            sb.append(",\"exe\":");
            string(m.exe(), sb);
            sb.append(",\"uid\":").append(m.uid());
            sb.append(",\"user\":");
            string(m.user(), sb);
            sb.append(",\"syscall\":");
            string(m.syscall(), sb);
            sb.append(",\"time\":");
            Instant time = m.time();
            string(time == null ? null : time.toString(), sb);
            sb.append('}');
        }
        sb.append("],\"tier\":");
        string(response.tier(), sb);
        sb.append(",\"complete\":").append(response.complete());
        sb.append(",\"incomplete\":");
        strings(response.incomplete(), sb);
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void strings(List<String> values, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(values.get(i), sb);
        }
        sb.append(']');
    }

    private static void string(@Nullable String value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else {
            JsonText.quote(value, sb);
        }
    }
}
