package io.zeekagent.hub.group;

import java.util.List;

/**
 * Something outside this feature that names groups (subscriptions, for example); a group still named cannot be
 * deleted. Implemented by those features, so this one does not depend on them.
 */
public interface GroupReferences {

    /** Human-readable descriptions of what names the group, e.g. {@code subscription 'sockets' (id ...)}; empty if none. */
    List<String> referencesTo(String group);
}
