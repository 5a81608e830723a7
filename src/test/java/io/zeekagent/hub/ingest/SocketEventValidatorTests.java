package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.system.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SocketEventValidator}: what a database could not store is a field problem, not a failed batch. */
class SocketEventValidatorTests {

    private final List<FieldProblem> problems = new ArrayList<>();
    private final SocketEventValidator validator = new SocketEventValidator();

    private static SocketEventInput event(String hostId, String syscall, String exe, Instant time) {
        return new SocketEventInput(
                hostId, syscall, 42L, 3L, exe, 0L, true, 2, "tcp", "10.0.0.1", 40000, "10.0.0.2", 443, time);
    }

    @Test
    void refusesNulCharactersInTextPostgresqlCannotStore() {
        assertThat(validator.validate(
                        event("h\u00001", "con\u0000nect", "/usr/bin/cu\u0000rl", Instant.EPOCH), "[0].", problems))
                .isNull();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("[0].hostId", "[0].syscall", "[0].exe");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isEqualTo("must not contain NUL characters"));
    }

    @Test
    void refusesTimesOutsideTheYearsOneTo9999() {
        // Epoch seconds given as milliseconds by mistake, twice over: year 318857, which PostgreSQL's COPY refuses.
        assertThat(validator.validate(
                        event("h1", "connect", "/x", Instant.ofEpochSecond(10_000_000_000_000L)), "", problems))
                .isNull();
        assertThat(validator.validate(
                        event("h1", "connect", "/x", Instant.parse("0000-12-31T23:59:59Z")), "", problems))
                .isNull();
        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("time", "must be between the years 1 and 9999"))
                .hasSize(2);
    }

    @Test
    void acceptsTheBoundsThemselvesAndOrdinaryEvents() {
        assertThat(validator.validate(event("h1", "connect", "/x", SocketEventValidator.EARLIEST), "", problems))
                .isNotNull();
        assertThat(validator.validate(event("h1", "connect", "/x", SocketEventValidator.LATEST), "", problems))
                .isNotNull();
        assertThat(validator.validate(event("h1", "connect", "/x", null), "", problems))
                .isNotNull();
        assertThat(problems).isEmpty();
    }
}
