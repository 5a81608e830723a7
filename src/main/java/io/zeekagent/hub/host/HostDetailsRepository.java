package io.zeekagent.hub.host;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored v2 host details, by host id. */
interface HostDetailsRepository extends JpaRepository<StoredHostDetails, String> {}
