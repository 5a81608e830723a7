package io.zeekagent.hub.host;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stored hosts. */
interface HostRepository extends JpaRepository<Host, String>, JpaSpecificationExecutor<Host> {

    List<Host> findByStatus(HostStatus status);

    @Query("select h.hostId from Host h where h.hostId in :ids")
    List<String> findAllIds(Collection<String> ids);

    @Query("select h.hostId from Host h where :address member of h.announcedAddresses"
            + " or :address member of h.assignedAddresses")
    List<String> findHostIdsByAddress(String address);

    @Query("select h.hostId from Host h where h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    List<String> findOnlineHostIds();

    @Query("select h.hostId from Host h where h.status = io.zeekagent.hub.host.HostStatus.ONLINE"
            + " and h.transport = :transport")
    List<String> findOnlineHostIdsByTransport(String transport);

    /** (hostId, transport) of every ONLINE host; transport may be null. */
    @Query("select h.hostId, h.transport from Host h where h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    List<Object[]> findOnlineTransports();

    /** (hostId, announced group) of every ONLINE host. */
    @Query("select h.hostId, g from Host h join h.announcedGroups g"
            + " where h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    List<Object[]> findOnlineAnnouncedGroupPairs();

    /** (hostId, address), announced and assigned, of every ONLINE host. */
    @Query("select h.hostId, a from Host h join h.announcedAddresses a"
            + " where h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    List<Object[]> findOnlineAnnouncedAddressPairs();

    @Query("select h.hostId, a from Host h join h.assignedAddresses a"
            + " where h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    List<Object[]> findOnlineAssignedAddressPairs();

    @Query("select distinct h.hostId from Host h join h.announcedGroups g where g = :group")
    List<String> findHostIdsAnnouncingGroup(String group);

    /** Every (hostId, address) pair, announced and assigned, for subnet matching without loading entities. */
    @Query("select h.hostId, a from Host h join h.announcedAddresses a")
    List<Object[]> findAnnouncedAddressPairs();

    @Query("select h.hostId, a from Host h join h.assignedAddresses a")
    List<Object[]> findAssignedAddressPairs();

    /**
     * Marks the ONLINE hosts among {@code ids} OFFLINE in one statement. Leaves the version alone on purpose: a
     * replica claiming one of them at the same time then writes ONLINE over it rather than failing.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Host h set h.status = io.zeekagent.hub.host.HostStatus.OFFLINE, h.updatedAt = :now"
            + " where h.hostId in :ids and h.status = io.zeekagent.hub.host.HostStatus.ONLINE")
    int markOffline(Collection<String> ids, Instant now);
}
