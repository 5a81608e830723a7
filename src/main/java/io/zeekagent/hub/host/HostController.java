package io.zeekagent.hub.host;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for hosts: list, pre-register, inspect, assign addresses and groups, forget. */
@RestController
@RequestMapping("/api/v1/hosts")
@Tag(name = "Hosts", description = "Hosts running a Zeek Agent: identity, addresses, groups and liveness")
class HostController {

    private final HostService hosts;
    private final HostDetailsService details;

    HostController(HostService hosts, HostDetailsService details) {
        this.hosts = hosts;
        this.details = details;
    }

    @GetMapping
    @Operation(
            operationId = "listHosts",
            summary = "List hosts",
            description = "Pages through hosts ordered by id. Filters combine: status, effective group membership "
                    + "(announced ∪ assigned ∪ subnet match), and an address the host is known by.")
    PageResponse<HostResponse> list(
            @Parameter(description = "Only hosts with this status") @RequestParam(required = false) @Nullable
                    HostStatus status,
            @Parameter(description = "Only effective members of this group", example = "web")
                    @RequestParam(required = false)
                    @Nullable
                    String group,
            @Parameter(
                            description = "Only hosts known by this address (IPv4-mapped IPv6 equals IPv4)",
                            example = "10.0.0.5")
                    @RequestParam(required = false)
                    @Nullable
                    String address,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1.." + Paging.MAX_SIZE) @RequestParam(defaultValue = "20") int size) {
        return details.addTo(hosts.list(status, group, address, Paging.of(page, size, Sort.by("hostId"))));
    }

    @PostMapping
    @Operation(
            operationId = "preRegisterHost",
            summary = "Pre-register a host",
            description = "Registers a host before its agent connects (status PENDING), with assigned addresses "
                    + "and groups. The groups must be defined. 409 when the id is already known.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(
            responseCode = "409",
            description = "A host with this id exists",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<HostResponse> preRegister(@Valid @RequestBody PreRegisterHostRequest request) {
        HostResponse created = details.addTo(hosts.preRegister(request));
        return ResponseEntity.created(URI.create("/api/v1/hosts/" + created.hostId()))
                .body(created);
    }

    @GetMapping("/{hostId}")
    @Operation(
            operationId = "getHost",
            summary = "Get a host",
            description = "One host with its effective groups, every known address and, for a Zeek Agent v2, the "
                    + "platform, operating system and tables it reported (details; null for v1 agents).")
    @ApiResponse(responseCode = "200", description = "The host")
    @ApiResponse(
            responseCode = "404",
            description = "No such host",
            content = @Content(mediaType = "application/problem+json"))
    HostResponse get(@PathVariable String hostId) {
        return details.addTo(hosts.get(hostId));
    }

    @PatchMapping("/{hostId}")
    @Operation(
            operationId = "updateHost",
            summary = "Assign addresses and groups",
            description = "Replaces the addresses and/or groups assigned over REST; an absent field is unchanged. "
                    + "What the agent announced is not touched.")
    @ApiResponse(responseCode = "200", description = "The updated host")
    @ApiResponse(
            responseCode = "404",
            description = "No such host",
            content = @Content(mediaType = "application/problem+json"))
    HostResponse update(@PathVariable String hostId, @Valid @RequestBody UpdateHostRequest request) {
        return details.addTo(hosts.update(hostId, request));
    }

    @DeleteMapping("/{hostId}")
    @Operation(
            operationId = "deleteHost",
            summary = "Forget a host",
            description = "Deletes the host record. Group assignments and subscriptions that name the host are kept; "
                    + "an agent that announces itself again is registered anew.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such host",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(@PathVariable String hostId) {
        hosts.delete(hostId);
        return ResponseEntity.noContent().build();
    }
}
