package io.zeekagent.hub.system;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * A page of results with its metadata; the JSON shape every list endpoint returns.
 *
 * @param content the items of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalElements number of items over all pages
 * @param totalPages number of pages
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /** Maps a Spring Data page of entities to a page of DTOs. */
    public static <E, T> PageResponse<T> from(Page<E> page, Function<? super E, ? extends T> mapper) {
        List<T> items = page.getContent().stream().<T>map(mapper).toList();
        return new PageResponse<>(
                items, page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
