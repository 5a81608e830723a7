package io.zeekagent.hub.webhook;

import io.zeekagent.hub.net.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook destinations the hub must not be made to call (server-side request forgery): anything but http(s),
 * URLs with credentials, and hosts that resolve to an address outside the allowed networks. Checked when a webhook
 * is created and again before every attempt, because DNS can change in between.
 */
final class DestinationGuard {

    private final List<Cidr> allowed;

    DestinationGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** Why {@code url} may not be called, or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (allowed.stream().noneMatch(network -> network.contains(address))) {
                return Optional.of(
                        "resolves to " + address.getHostAddress() + ", outside hub.webhooks.allowed-networks");
            }
        }
        return Optional.empty();
    }
}
