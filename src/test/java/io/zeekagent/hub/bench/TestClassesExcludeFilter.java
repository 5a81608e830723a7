package io.zeekagent.hub.bench;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps component scanning of a hub started by {@link BenchHub} to the application's own classes: the benchmarks run
 * from the test classpath, whose test fixtures ({@code @TestConfiguration}s, probe controllers) must not become beans.
 * {@code @SpringBootApplication}'s {@link TypeExcludeFilter} consults every bean of this type.
 */
final class TestClassesExcludeFilter extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestClassesExcludeFilter;
    }

    @Override
    public int hashCode() {
        return TestClassesExcludeFilter.class.hashCode();
    }
}
