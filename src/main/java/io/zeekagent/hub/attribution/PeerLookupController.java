package io.zeekagent.hub.attribution;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal lookup API one replica asks another ({@code hub.cluster.engine=kafka} only, not part of the public
 * API and hidden from its OpenAPI document): a batch of host lookups answered from this replica's hot index and
 * cold tier, matches and completeness per lookup. Authenticated like the rest of the API: peers present
 * {@code hub.cluster.internal-token} (or the configured admin key) as their key; any reader key works too.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "kafka")
class PeerLookupController {

    private final AttributionService service;
    private final RoutedAttributor router;
    private final PeerCalls calls;

    PeerLookupController(AttributionService service, RoutedAttributor router, PeerCalls calls) {
        this.service = service;
        this.router = router;
        this.calls = calls;
    }

    @PostMapping(path = PeerWire.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    void lookups(HttpServletRequest request, HttpServletResponse response) throws IOException {
        service.requireReady();
        PeerWire.Request batch = PeerWire.readRequest(request.getInputStream().readAllBytes());
        List<HostLookup> lookups = PeerWire.lookups(batch);
        List<MatchCollector> outs = new ArrayList<>(lookups.size());
        List<Completeness> states = new ArrayList<>(lookups.size());
        for (int k = 0; k < lookups.size(); k++) {
            outs.add(new MatchCollector(batch.details()));
            states.add(new Completeness());
        }
        router.serve(lookups, outs, states);
        calls.served(lookups.size());
        byte[] answer = PeerWire.response(outs, states, lookups.size());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
