package io.zeekagent.hub.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One persisted line of the activity log; written by JDBC batches, read through JPA for paging. */
@Entity
@Table(name = "activity")
class ActivityEntry {

    @Id
    private Long id;

    @Column(name = "ts", nullable = false)
    private Instant ts;

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "peer")
    private @Nullable String peer;

    @Column(name = "level", nullable = false)
    private String level;

    @Column(name = "message", nullable = false)
    private String message;

    protected ActivityEntry() {
        this.id = 0L;
        this.ts = Instant.EPOCH;
        this.source = "";
        this.level = "";
        this.message = "";
    }

    Long getId() {
        return id;
    }

    Instant getTs() {
        return ts;
    }

    String getSource() {
        return source;
    }

    @Nullable
    String getPeer() {
        return peer;
    }

    String getLevel() {
        return level;
    }

    String getMessage() {
        return message;
    }
}
