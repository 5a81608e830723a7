package io.zeekagent.hub.websocket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.NotFoundException;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Zeek Agent v2 connections now open: what each agent said in its hello (platform, kernel, tables...). */
@RestController
@RequestMapping("/api/v1/websocket/agents")
@Tag(name = "WebSocket agents", description = "Zeek Agent v2 connected over Zeek's WebSocket API")
class V2AgentController {

    private final V2Sessions sessions;

    V2AgentController(V2Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(operationId = "listWebSocketAgents", summary = "Connected v2 agents, ordered by agent id")
    List<V2AgentResponse> list() {
        return sessions.all().stream()
                .map(V2AgentResponse::from)
                .sorted(Comparator.comparing(V2AgentResponse::agentId))
                .toList();
    }

    @GetMapping("/{agentId}")
    @Operation(operationId = "getWebSocketAgent", summary = "One connected v2 agent; 404 when it is not connected")
    V2AgentResponse get(@PathVariable String agentId) {
        return sessions.find(agentId)
                .map(V2AgentResponse::from)
                .orElseThrow(() -> NotFoundException.of("websocket-agent", agentId));
    }
}
