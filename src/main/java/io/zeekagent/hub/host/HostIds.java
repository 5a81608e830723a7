package io.zeekagent.hub.host;

/** What a host id given over REST may look like: a machine UUID or a hostname, usable in a URL path and a topic. */
final class HostIds {

    static final String PATTERN = "[A-Za-z0-9._:-]{1,255}";
    static final String MESSAGE = "must be 1-255 characters of letters, digits, '.', '_', ':' or '-'";

    private HostIds() {}
}
