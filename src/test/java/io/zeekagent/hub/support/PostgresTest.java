package io.zeekagent.hub.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * Marks a test class that runs against the real PostgreSQL ({@link PostgresTestDatabase}): tagged {@code postgres},
 * skipped with a message when the server does not answer, and keeps the configured datasource instead of an embedded
 * one. The class still needs a {@code @DynamicPropertySource} calling {@link PostgresTestDatabase#register}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface PostgresTest {}
