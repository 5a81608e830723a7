package io.zeekagent.hub.group;

/** What a group name may look like: safe in a URL path and in a topic ({@code /zeek/zeek-agent/group/<name>}). */
final class GroupNames {

    static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String MESSAGE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";

    private GroupNames() {}
}
