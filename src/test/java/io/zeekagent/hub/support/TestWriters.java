package io.zeekagent.hub.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.storage.DurableWriters;
import io.zeekagent.hub.storage.SpoolProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/** {@link DurableWriters} for unit tests of the streams that use them: without a spool, or with one in a directory. */
public final class TestWriters {

    private TestWriters() {}

    /** Writers that hold an outage in memory only (the directory is never created). */
    public static DurableWriters inMemory(MeterRegistry meters) {
        return spooling(meters, null);
    }

    /** Writers spooling into {@code directory} during an outage; {@code null} for none. */
    public static DurableWriters spooling(MeterRegistry meters, @Nullable Path directory) {
        return new DurableWriters(
                new SpoolProperties(
                        directory != null,
                        directory != null ? directory : Path.of("target", "no-spool"),
                        DataSize.ofMegabytes(64),
                        DataSize.ofMegabytes(1),
                        Duration.ofSeconds(10)),
                meters);
    }
}
