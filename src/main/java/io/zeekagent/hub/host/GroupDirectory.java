package io.zeekagent.hub.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groups defined over REST, as far as host membership needs them. The {@code group} feature implements it, so
 * hosts can compute their effective groups without depending on that feature.
 */
public interface GroupDirectory {

    /** The rules of every defined group, read together. */
    List<GroupRule> rules();

    /** The rules of one defined group. */
    Optional<GroupRule> rule(String group);

    /**
     * Makes {@code groups} exactly the defined groups the host is assigned to explicitly.
     *
     * @throws io.zeekagent.hub.system.InvalidRequestException when one of the groups is not defined
     */
    void assign(String hostId, Set<String> groups);
}
