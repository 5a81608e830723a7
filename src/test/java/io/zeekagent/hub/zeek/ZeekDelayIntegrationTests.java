package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.zeromq.TestHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Zeek with the package against a hub that says hello but never answers (it stopped answering, or its
 * answers are lost): every conn.log record is held at most {@code max_delay} and written without the columns; with
 * a delay queue of one, each new held record makes Zeek write the previous one early. The hub is the bridge alone
 * (embedded proxy on ephemeral ports) sending {@code hub_hello}; nobody handles the requests. Disabled, with a
 * message, where no {@code zeek} is on {@code PATH} (or in {@code $ZEEK}).
 */
@EnabledIf(value = "io.zeekagent.hub.zeek.ZeekBinary#available", disabledReason = ZeekBinary.ABSENT)
class ZeekDelayIntegrationTests {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aSilentHubHoldsEachRecordForTheMaximumDelayOnlyAndTheColumnsStayAbsent() throws Exception {
        List<Row> rows = runAgainstSilentHub(3, "");

        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.seuids()).isEqualTo("- -");
            // max_delay is 300 ms of network time, which follows the wall clock under --pseudo-realtime.
            assertThat(row.heldMillis()).isBetween(250.0, 1_500.0);
        });
    }

    @Test
    void aFullDelayQueueWritesTheOldestRecordEarly() throws Exception {
        // The trace's connections end 100 ms apart: each one held pushes the previous one out of a queue of one.
        List<Row> rows = runAgainstSilentHub(3, "redef ZeekAgentHub::max_queue = 1;");

        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.seuids()).isEqualTo("- -"));
        assertThat(rows.subList(0, 2))
                .allSatisfy(row -> assertThat(row.heldMillis()).isLessThan(250.0));
        assertThat(rows.get(2).heldMillis()).isBetween(250.0, 1_500.0);
    }

    private List<Row> runAgainstSilentHub(int connections, String extra) throws Exception {
        try (TestHub hub = TestHub.start()) {
            ScheduledExecutorService hello = Executors.newSingleThreadScheduledExecutor();
            try {
                hello.scheduleAtFixedRate(
                        () -> hub.channel()
                                .publish(
                                        ZeekTopics.HELLO,
                                        HubHello.event("silent-hub", "0.0.0-test", Duration.ofMillis(200))),
                        0,
                        200,
                        TimeUnit.MILLISECONDS);
                TracePcap.write(dir.resolve("trace.pcap"), Instant.now(), connections);
                Files.writeString(
                        dir.resolve("silent.zeek"),
                        script(hub.xpubEndpoint(), hub.xsubEndpoint(), connections, extra),
                        StandardCharsets.UTF_8);
                ZeekBinary.Run run = ZeekBinary.run(
                        dir,
                        LIMIT,
                        "--pseudo-realtime",
                        "-r",
                        "trace.pcap",
                        ZeekBinary.PACKAGE.toString(),
                        "silent.zeek");
                assertThat(run.exitCode()).as(run.output()).isZero();
                List<Row> rows = new ArrayList<>();
                for (String line : run.output().split("\n")) {
                    if (line.startsWith("written ")) {
                        String[] parts = line.split(" ", 3);
                        rows.add(new Row(Double.parseDouble(parts[1]), parts[2]));
                    }
                }
                return rows;
            } finally {
                hello.shutdownNow();
            }
        }
    }

    /**
     * The test's local.zeek: hub endpoints, pseudo-realtime settings, processing held until the hub's hello, and
     * for every record written the wall-clock time it was held and its two seuid columns.
     */
    private static String script(String xpub, String xsub, int records, String extra) {
        return """
                redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint = "%s";
                redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint = "%s";
                redef tcp_close_delay = 0secs;
                redef detect_filtered_trace = F;
                redef exit_only_after_terminate = T;
                %s
                global written = 0;
                global held_at: table[string] of time;

                event zeek_init() { suspend_processing(); }
                event ZeekAgentHub::hub_up(hub_id: string, version: string) { continue_processing(); }

                hook Log::log_stream_policy(rec: Conn::Info, id: Log::ID) &priority=100
                	{
                	if ( id == Conn::LOG )
                		held_at[rec$uid] = current_time();
                	}

                hook Conn::log_policy(rec: Conn::Info, id: Log::ID, filter: Log::Filter)
                	{
                	local held = current_time() - held_at[rec$uid];
                	print fmt("written %%.1f %%s %%s", interval_to_double(held) * 1000.0,
                	          rec?$orig_seuids ? "set" : "-", rec?$resp_seuids ? "set" : "-");
                	if ( ++written == %d )
                		terminate();
                	}
                """.formatted(xpub, xsub, extra, records);
    }

    /** One conn.log record: how long it was held (wall clock, ms) and whether each seuid column was set. */
    private record Row(double heldMillis, String seuids) {}
}
