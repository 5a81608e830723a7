package io.zeekagent.hub.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contacts}: the IOC sweep over stored socket events. */
@RestController
@Tag(name = "Contacts", description = "IOC sweeps: which hosts and processes talked to an address, and when")
class ContactController {

    private final SocketEventSearch search;

    ContactController(SocketEventSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/contacts")
    @Operation(
            operationId = "listContacts",
            summary = "Hosts and processes that contacted an address",
            description = "Sweeps the stored socket events (kept for hub.attribution.retention) for connections to"
                    + " `address` (IPv4 or IPv6, any spelling) in [from, to), and answers one row per host and"
                    + " process with first and last seen and the number of events, ordered by host, pid, exe.")
    PageResponse<ContactResponse> list(
            @Parameter(description = "The remote address to sweep for", example = "93.184.216.34") @RequestParam
                    String address,
            @Parameter(description = "Start of the range (inclusive), ISO-8601", example = "2026-11-30T00:00:00Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    Instant from,
            @Parameter(description = "End of the range (exclusive), ISO-8601", example = "2026-12-01T00:00:00Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        List<String> forms = SocketEventFilter.addressForms(address, "address");
        if (forms.isEmpty()) {
            throw InvalidRequestException.forField("address", "must not be blank");
        }
        SocketEventFilter.requireOrdered(from, to, "to");
        Pageable pageable = Paging.of(page, size, Sort.unsorted());
        List<ContactResponse> content = search.contacts(forms, from, to, pageable.getOffset(), pageable.getPageSize());
        long total = search.countContacts(forms, from, to);
        return PageResponse.from(new PageImpl<>(content, pageable, total), c -> c);
    }
}
