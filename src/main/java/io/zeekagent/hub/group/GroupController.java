package io.zeekagent.hub.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for groups: define, list, change, delete, and list effective members. */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups", description = "Groups of hosts: announced by agents, assigned over REST, or matched by subnet")
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(
            operationId = "listGroups",
            summary = "List groups",
            description = "Pages through the defined groups ordered by name.")
    PageResponse<GroupResponse> list(
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1.." + Paging.MAX_SIZE) @RequestParam(defaultValue = "20") int size) {
        return groups.list(Paging.of(page, size, Sort.by("name")));
    }

    @PostMapping
    @Operation(
            operationId = "createGroup",
            summary = "Define a group",
            description = "Name, description, subnets (CIDR, IPv4 and IPv6) and explicitly assigned host ids. "
                    + "Subnets are stored with host bits cleared.")
    @ApiResponse(responseCode = "201", description = "Defined")
    @ApiResponse(
            responseCode = "409",
            description = "A group with this name exists",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<GroupResponse> create(@Valid @RequestBody CreateGroupRequest request) {
        GroupResponse created = groups.create(request);
        return ResponseEntity.created(URI.create("/api/v1/groups/" + created.name()))
                .body(created);
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getGroup", summary = "Get a group")
    @ApiResponse(responseCode = "200", description = "The group")
    @ApiResponse(
            responseCode = "404",
            description = "No such group",
            content = @Content(mediaType = "application/problem+json"))
    GroupResponse get(@PathVariable String name) {
        return groups.get(name);
    }

    @PutMapping("/{name}")
    @Operation(
            operationId = "updateGroup",
            summary = "Replace a group's definition",
            description = "Replaces description, subnets and host ids; absent sets become empty. The name cannot "
                    + "change.")
    @ApiResponse(responseCode = "200", description = "The updated group")
    @ApiResponse(
            responseCode = "404",
            description = "No such group",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Owned by a Zeek (its owner field): its script joins and leaves",
            content = @Content(mediaType = "application/problem+json"))
    GroupResponse update(@PathVariable String name, @Valid @RequestBody UpdateGroupRequest request) {
        return groups.update(name, request);
    }

    @DeleteMapping("/{name}")
    @Operation(
            operationId = "deleteGroup",
            summary = "Delete a group",
            description = "Deletes the group and its explicit assignments. 409 while a subscription targets it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such group",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "A subscription still targets the group, or a Zeek owns it (its owner field)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(@PathVariable String name) {
        groups.delete(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/hosts")
    @Operation(
            operationId = "listGroupMembers",
            summary = "List a group's effective members",
            description = "Known hosts that announce the group, are assigned to it, or have an address in one of "
                    + "its subnets, ordered by host id.")
    @ApiResponse(responseCode = "200", description = "The effective members")
    @ApiResponse(
            responseCode = "404",
            description = "No such group",
            content = @Content(mediaType = "application/problem+json"))
    List<HostResponse> members(@PathVariable String name) {
        return groups.members(name);
    }
}
