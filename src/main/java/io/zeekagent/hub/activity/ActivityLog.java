package io.zeekagent.hub.activity;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's activity log, the seed's {@code zeek-agent.log}: connects, reconnects, offline hosts, commands sent to
 * agents, protocol errors, and whatever other features (the security audit trail) record. {@link #record} is cheap
 * and never blocks: entries are written to the Zeek ASCII file and the database by a writer thread.
 */
@Service
public class ActivityLog {

    /** Source of entries about the hub itself (the seed's {@code local}). */
    public static final String SOURCE_LOCAL = "local";

    /** Source of entries about agents and what was sent to them (the seed's {@code host}). */
    public static final String SOURCE_HOST = "host";

    /** Severity of an entry; written in lower case, as the seed did. */
    public enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR;

        /** The lower-case name used in the log file and the API. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int SOURCE_LENGTH = 64;
    static final int PEER_LENGTH = 512;
    static final int MESSAGE_LENGTH = 8192;

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

    private final ActivityWriter writer;
    private final ActivityEntryRepository entries;
    private final ActivityProperties properties;

    ActivityLog(ActivityWriter writer, ActivityEntryRepository entries, ActivityProperties properties) {
        this.writer = writer;
        this.entries = entries;
        this.properties = properties;
    }

    /**
     * Records an entry now.
     *
     * @param source who or what it is about: {@link #SOURCE_LOCAL}, {@link #SOURCE_HOST}, or a feature's name
     * @param peer the host id, peer or topic concerned, if any
     * @param level severity
     * @param message what happened, in words (for the file and for people)
     */
    public void record(String source, @Nullable String peer, Level level, String message) {
        writer.offer(new ActivityRecord(
                Instant.now(),
                fit(source, SOURCE_LENGTH),
                peer == null ? null : fit(peer, PEER_LENGTH),
                level.label(),
                fit(message, MESSAGE_LENGTH)));
    }

    /**
     * Text as the {@code activity} table can hold it (V3's column sizes): NUL characters, which PostgreSQL cannot
     * store, become U+FFFD, and text longer than the column is cut with an ellipsis. Entries carry what agents and
     * clients sent (errors, peer names); one entry the database refused would fail its whole batch of entries.
     */
    static String fit(String text, int max) {
        String clean = text.indexOf('\u0000') >= 0 ? text.replace('\u0000', '\uFFFD') : text;
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }

    /** Entries matching every given filter, newest first by the pageable's sort. */
    @Transactional(readOnly = true)
    public Page<ActivityEntryResponse> search(ActivityFilter filter, Pageable pageable) {
        return entries.findAll(matching(filter), pageable).map(ActivityEntryResponse::from);
    }

    /** Waits until everything recorded so far is written (bounded); for orderly shutdown and tests. */
    public boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        return writer.awaitWritten(timeoutMillis);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    void purgeExpired() {
        int removed = entries.deleteOlderThan(Instant.now().minus(properties.retention()));
        if (removed > 0) {
            log.info("Purged {} activity entries older than {}", removed, properties.retention());
        }
    }

    private static Specification<ActivityEntry> matching(ActivityFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.source() != null) {
                where.add(cb.equal(root.get("source"), filter.source()));
            }
            if (filter.peer() != null) {
                where.add(cb.equal(root.get("peer"), filter.peer()));
            }
            if (filter.level() != null) {
                where.add(cb.equal(root.get("level"), filter.level().label()));
            }
            if (filter.since() != null) {
                where.add(cb.greaterThanOrEqualTo(root.<Instant>get("ts"), filter.since()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
