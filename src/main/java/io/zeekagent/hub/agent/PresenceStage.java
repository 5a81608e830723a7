package io.zeekagent.hub.agent;

import io.zeekagent.hub.host.PresenceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where the agents' presence reaches the database: the v1 gateway queues announcements, reappearances and
 * departures from the bridge's dispatch thread, which so never waits on the database, and this stage's thread
 * applies whatever has queued up (at most {@value #BATCH} changes) in one transaction, in arrival order, then calls
 * each change's continuation in the same order. After a hub restart 10,000 agents announce themselves within
 * seconds; one transaction each would take minutes.
 */
@Component
class PresenceStage implements SmartLifecycle {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(PresenceStage.class);
    private static final Step STOP = new Step(new PresenceChange.Left(""), known -> {}, () -> {});

    private final AgentRegistry registry;
    private final LinkedBlockingQueue<Step> queue = new LinkedBlockingQueue<>();
    private volatile @Nullable Thread thread;

    PresenceStage(AgentRegistry registry) {
        this.registry = registry;
    }

    /**
     * Queues a change; {@code then} runs on the stage's thread after it is committed, with the result of {@link
     * AgentRegistry#apply} for it. Changes queued while the stage is stopped wait for the next start.
     */
    void submit(PresenceChange change, Consumer<Boolean> then) {
        submit(change, then, () -> {});
    }

    /** As {@link #submit(PresenceChange, Consumer)}; {@code failed} runs instead of {@code then} when it failed. */
    void submit(PresenceChange change, Consumer<Boolean> then, Runnable failed) {
        queue.add(new Step(change, then, failed));
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            Thread t = new Thread(this::run, "agent-presence");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /** Applies what is queued, then stops. */
    @Override
    public synchronized void stop() {
        Thread t = thread;
        if (t != null) {
            queue.add(STOP);
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the bridge (phase 0), so that the last departures it saw are still written. */
    @Override
    public int getPhase() {
        return -100;
    }

    private void run() {
        List<Step> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                int stop = batch.indexOf(STOP);
                if (stop >= 0) {
                    batch.subList(stop, batch.size()).clear();
                }
                if (!batch.isEmpty()) {
                    apply(batch);
                }
                batch.clear();
                if (stop >= 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(List<Step> batch) {
        boolean[] results;
        try {
            results = registry.apply(batch.stream().map(Step::change).toList());
        } catch (RuntimeException e) {
            // One bad change must not lose the others: apply them one by one, each in its own transaction.
            log.warn("Applying {} presence changes together failed ({}); applying them one by one", batch.size(), e);
            batch.forEach(this::applyAlone);
            return;
        }
        for (int i = 0; i < results.length; i++) {
            continueWith(batch.get(i), results[i]);
        }
    }

    private void applyAlone(Step step) {
        try {
            continueWith(step, registry.apply(List.of(step.change()))[0]);
        } catch (RuntimeException e) {
            log.warn("Presence change {} failed: {}", step.change(), e.toString());
            step.failed().run();
        }
    }

    private static void continueWith(Step step, boolean result) {
        try {
            step.then().accept(result);
        } catch (RuntimeException e) {
            log.warn("Continuation of presence change {} failed", step.change(), e);
        }
    }

    /** A queued change and what to do once it is committed. */
    private record Step(PresenceChange change, Consumer<Boolean> then, Runnable failed) {}
}
