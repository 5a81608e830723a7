package io.zeekagent.hub.subscription;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored subscriptions. */
interface SubscriptionRepository extends JpaRepository<Subscription, String> {

    List<Subscription> findByEnabledTrueOrderByCreatedAtAsc();

    boolean existsByName(String name);

    @Query("select s from Subscription s where :group member of s.groups order by s.name")
    List<Subscription> findByGroup(String group);
}
