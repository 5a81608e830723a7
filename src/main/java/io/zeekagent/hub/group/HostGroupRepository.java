package io.zeekagent.hub.group;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored groups. */
interface HostGroupRepository extends JpaRepository<HostGroup, String> {

    @Query("select g from HostGroup g where :hostId member of g.hostIds")
    List<HostGroup> findByExplicitMember(String hostId);
}
