package io.zeekagent.hub.activity;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Reads of persisted activity entries; inserts go through {@link ActivityWriter}'s JDBC batches. */
interface ActivityEntryRepository extends JpaRepository<ActivityEntry, Long>, JpaSpecificationExecutor<ActivityEntry> {

    @Modifying
    @Query("delete from ActivityEntry e where e.ts < :cutoff")
    int deleteOlderThan(@Param("cutoff") Instant cutoff);
}
