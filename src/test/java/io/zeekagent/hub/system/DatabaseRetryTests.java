package io.zeekagent.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/** Tests for {@link DatabaseRetry}. */
class DatabaseRetryTests {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void waitsOutAnOutageAndWritesOnceTheDatabaseAnswers() {
        RuntimeException failure = DatabaseRetry.write(failingTimes(3, outage()), () -> true, () -> "3 rows");

        assertThat(failure).isNull();
        assertThat(attempts).hasValue(4);
    }

    @Test
    void givesUpAtOnceOnAFailureThatIsNotAnOutage() {
        RuntimeException failure = DatabaseRetry.write(
                failingTimes(5, new DataIntegrityViolationException("duplicate key")), () -> true, () -> "3 rows");

        assertThat(failure).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void stopsRetryingWhenTheWriterStops() {
        RuntimeException failure = DatabaseRetry.write(failingTimes(5, outage()), () -> false, () -> "3 rows");

        assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(attempts).hasValue(1);
    }

    private Runnable failingTimes(int n, RuntimeException failure) {
        return () -> {
            if (attempts.incrementAndGet() <= n) {
                throw failure;
            }
        };
    }

    private static RuntimeException outage() {
        return new DataAccessResourceFailureException("Connection refused");
    }
}
