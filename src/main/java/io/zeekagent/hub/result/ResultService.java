package io.zeekagent.hub.result;

import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored result rows of RESULTS subscriptions: paging, filters, retention. */
@Service
public class ResultService {

    private static final Logger log = LoggerFactory.getLogger(ResultService.class);

    private final ResultStore store;
    private final ResultWriter writer;
    private final ResultsProperties properties;

    ResultService(ResultStore store, ResultWriter writer, ResultsProperties properties) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
    }

    /** Rows of a subscription, newest first, optionally of one host and since a time. */
    @Transactional(readOnly = true)
    public PageResponse<ResultRowResponse> rows(
            String subscriptionId, @Nullable String hostId, @Nullable Instant since, int page, int size) {
        Pageable p = Paging.of(page, size, Sort.unsorted());
        long total = store.count(subscriptionId, hostId, since);
        var content = store.page(subscriptionId, hostId, since, p.getOffset(), p.getPageSize());
        int pages = (int) ((total + p.getPageSize() - 1) / p.getPageSize());
        return new PageResponse<>(content, p.getPageNumber(), p.getPageSize(), total, pages);
    }

    /** Waits (bounded) until rows received so far are stored; for tests and benchmarks. */
    public boolean awaitStored(long timeoutMillis) throws InterruptedException {
        return writer.awaitWritten(timeoutMillis);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    @Transactional
    void purgeExpired() {
        int removed = store.deleteOlderThan(Instant.now().minus(properties.retention()));
        if (removed > 0) {
            log.info("Purged {} result rows older than {}", removed, properties.retention());
        }
    }
}
