package io.zeekagent.hub.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The row of {@code host_details}. Text comes from the agent, so it is cut to the columns' lengths rather than
 * refused: the details are informative, and a hello must never fail on them.
 */
@Entity
@Table(name = "host_details")
class StoredHostDetails {

    static final int TABLES_LENGTH = 8192;

    @Id
    @Column(name = "host_id")
    private String hostId;

    private String platform;

    @Column(name = "os_name")
    private String osName;

    @Column(name = "kernel_name")
    private String kernelName;

    @Column(name = "kernel_version")
    private String kernelVersion;

    @Column(name = "kernel_arch")
    private String kernelArch;

    /** The table names, comma-separated in order (table names are SQL identifiers, without commas). */
    @Column(name = "agent_tables")
    private String tables;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @SuppressWarnings("NullAway.Init")
    protected StoredHostDetails() {}

    StoredHostDetails(String hostId, HostDetails details) {
        this.hostId = hostId;
        this.platform = cut(details.platform(), 64);
        this.osName = cut(details.osName(), 255);
        this.kernelName = cut(details.kernelName(), 255);
        this.kernelVersion = cut(details.kernelVersion(), 255);
        this.kernelArch = cut(details.kernelArch(), 64);
        this.tables = joinWithin(details.tables(), TABLES_LENGTH);
        this.reportedAt = details.reportedAt();
    }

    String hostId() {
        return hostId;
    }

    HostDetails toDetails() {
        Set<String> names =
                tables.isEmpty() ? Set.of() : Arrays.stream(tables.split(",")).collect(Collectors.toSet());
        return new HostDetails(platform, osName, kernelName, kernelVersion, kernelArch, names, reportedAt);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Whole names only: the ones that do not fit are left out rather than stored broken. */
    private static String joinWithin(Set<String> names, int length) {
        StringBuilder joined = new StringBuilder();
        for (String name : names) {
            if (name.isEmpty() || name.indexOf(',') >= 0) {
                continue;
            }
            int needed = joined.isEmpty() ? name.length() : name.length() + 1;
            if (joined.length() + needed > length) {
                break;
            }
            joined.append(joined.isEmpty() ? "" : ",").append(name);
        }
        return joined.toString();
    }
}
