package io.zeekagent.hub.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Validates {@code page}/{@code size} query parameters. Spring Data's resolver silently replaces a size of -1
 * with the default; an API user deserves a 400 that says why instead.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;

    private Paging() {}

    /** A page request, or a 400 naming the offending parameter. */
    public static Pageable of(int page, int size, Sort sort) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or greater"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid-paging",
                    "Invalid paging parameters",
                    "page must be >= 0 and size 1.." + MAX_SIZE,
                    problems);
        }
        return PageRequest.of(page, size, sort);
    }
}
