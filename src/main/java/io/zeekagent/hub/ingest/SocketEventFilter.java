package io.zeekagent.hub.ingest;

import io.zeekagent.hub.net.IpAddresses;
import io.zeekagent.hub.system.InvalidRequestException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/v1/socket-events} narrows by; every field is optional and they combine with AND. Times
 * compare the event's own time, or its receipt time when the agent sent none.
 *
 * @param hostId only this host's events
 * @param since at or after this time
 * @param until before this time
 * @param remoteAddresses the text forms of one remote address (as given, canonical, IPv4-mapped)
 * @param remotePort only this remote port
 * @param localAddresses the text forms of one local address
 * @param localPort only this local port
 * @param exe only this executable path (exact)
 */
record SocketEventFilter(
        @Nullable String hostId,
        @Nullable Instant since,
        @Nullable Instant until,
        List<String> remoteAddresses,
        @Nullable Integer remotePort,
        List<String> localAddresses,
        @Nullable Integer localPort,
        @Nullable String exe) {

    static SocketEventFilter byHostAndTime(@Nullable String hostId, @Nullable Instant since) {
        return new SocketEventFilter(hostId, since, null, List.of(), null, List.of(), null, null);
    }

    /**
     * The spellings one address may be stored under (agents send text; the hub keeps it as sent), or a 400 naming
     * {@code field} when {@code text} is not an IP address. Empty for a null or blank {@code text}.
     */
    static List<String> addressForms(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String trimmed = text.strip();
        String canonical = IpAddresses.normalize(trimmed)
                .orElseThrow(() -> InvalidRequestException.forField(field, "'" + text + "' is not an IP address"));
        Set<String> forms = new LinkedHashSet<>(List.of(trimmed, canonical));
        if (canonical.contains(".") && !canonical.contains(":")) {
            forms.add("::ffff:" + canonical);
        } else if (canonical.startsWith("::ffff:") && canonical.indexOf('.') > 0) {
            forms.add(canonical.substring("::ffff:".length()));
        }
        return List.copyOf(forms);
    }

    static void requireOrdered(@Nullable Instant from, @Nullable Instant to, String field) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidRequestException.forField(field, "must be after the start of the range");
        }
    }
}
