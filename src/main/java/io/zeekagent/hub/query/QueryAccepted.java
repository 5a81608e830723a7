package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/queries}: the query's id and to whom it was sent.
 *
 * @param id poll {@code GET /api/v1/queries/{id}?waitSeconds=N} with it
 * @param sentTo hosts that were sent {@code host_execute}
 * @param notSent targets that are not online (they will not answer)
 */
@Schema(
        example = "{\"id\":\"5b0e7c1a-2f6d-4e8a-9b3c-1d2e3f4a5b6c\","
                + "\"sentTo\":[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"],\"notSent\":[]}")
public record QueryAccepted(String id, List<String> sentTo, List<String> notSent) {

    public QueryAccepted {
        sentTo = List.copyOf(sentTo);
        notSent = List.copyOf(notSent);
    }
}
