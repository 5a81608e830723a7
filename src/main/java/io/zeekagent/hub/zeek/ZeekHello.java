package io.zeekagent.hub.zeek;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The two periodic duties: {@code hub_hello} to every Zeek every {@code hub.zeek.hello-interval} (so Zeek delays
 * conn.log records only while the hub is there), and one activity-log line per {@code hub.zeek.summary-interval}
 * saying what Zeek asked (requests are far too many to log one by one).
 */
final class ZeekHello {

    private final AgentChannel channel;
    private final ZeekMetrics metrics;
    private final ActivityLog activity;
    private final String version;
    private final Duration every;
    private long lastRequests;
    private long lastAnswered;
    private long lastMalformed;
    private long lastUnsubscribed;

    ZeekHello(
            AgentChannel channel,
            ZeekMetrics metrics,
            ActivityLog activity,
            ZeekProperties properties,
            String version) {
        this.channel = channel;
        this.metrics = metrics;
        this.activity = activity;
        this.version = version;
        this.every = properties.helloInterval();
    }

    @Scheduled(fixedDelayString = "${hub.zeek.hello-interval:5s}")
    void hello() {
        if (channel.isReady()) {
            channel.publish(ZeekTopics.HELLO, HubHello.event(channel.nodeId(), version, every));
            metrics.hellos.increment();
        }
    }

    @Scheduled(
            initialDelayString = "${hub.zeek.summary-interval:60s}",
            fixedDelayString = "${hub.zeek.summary-interval:60s}")
    void summarize() {
        long requests = metrics.requests.sum();
        long answered = metrics.answered();
        long malformed = metrics.malformed.sum();
        long unsubscribed = metrics.inboxNotSubscribed.sum();
        if (requests == lastRequests) {
            return;
        }
        activity.record(
                "zeek",
                null,
                malformed > lastMalformed ? ActivityLog.Level.WARNING : ActivityLog.Level.INFO,
                String.format(
                        "Zeek attribution: %d requests, %d answered, %d malformed, %d for inboxes nobody subscribes to",
                        requests - lastRequests,
                        answered - lastAnswered,
                        malformed - lastMalformed,
                        unsubscribed - lastUnsubscribed));
        lastRequests = requests;
        lastAnswered = answered;
        lastMalformed = malformed;
        lastUnsubscribed = unsubscribed;
    }
}
