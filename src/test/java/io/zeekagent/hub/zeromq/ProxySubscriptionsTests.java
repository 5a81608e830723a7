package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import zmq.Msg;

/** Tests for {@link ProxySubscriptions}. */
class ProxySubscriptionsTests {

    private final ProxySubscriptions subscriptions = new ProxySubscriptions();

    @Test
    void picksTheHubsEventsByTopicPrefix() {
        subscriptions.hubSubscribed("zeek-agent-hub.req.");
        subscriptions.hubSubscribed("/zeek/zeek-agent/zeek/");

        assertThat(subscriptions.forHub(topic("zeek-agent-hub.req."))).isTrue();
        assertThat(subscriptions.forHub(topic("zeek-agent-hub.req.batch"))).isTrue();
        assertThat(subscriptions.forHub(topic("/zeek/zeek-agent/zeek/ZeekMaster")))
                .isTrue();
        assertThat(subscriptions.forHub(topic("zeek-agent-hub.re"))).isFalse();
        assertThat(subscriptions.forHub(topic("zeek-agent-hub.hello."))).isFalse();
        assertThat(subscriptions.forHub(topic(""))).isFalse();
    }

    @Test
    void keepsAPrefixUntilItsLastReferenceGoes() {
        subscriptions.hubSubscribed("/t/");
        subscriptions.hubSubscribed("/t/");

        subscriptions.hubUnsubscribed("/t/");
        assertThat(subscriptions.forHub(topic("/t/a"))).isTrue();
        subscriptions.hubUnsubscribed("/t/");
        assertThat(subscriptions.forHub(topic("/t/a"))).isFalse();
        subscriptions.hubUnsubscribed("/t/");
        subscriptions.hubSubscribed("/t/");
        assertThat(subscriptions.forHub(topic("/t/a"))).isTrue();
    }

    @Test
    void anEmptyPrefixTakesEverything() {
        subscriptions.hubSubscribed("");

        assertThat(subscriptions.forHub(topic("anything"))).isTrue();
        assertThat(subscriptions.forHub(topic(""))).isTrue();
    }

    @Test
    void countsUpstreamSubscriptionsAsTheXsubDoes() {
        assertThat(subscriptions.upstreamSubscribed("/s/")).isTrue();
        assertThat(subscriptions.upstreamSubscribed("/s/")).isTrue();

        assertThat(subscriptions.upstreamUnsubscribed("/s/")).isFalse();
        assertThat(subscriptions.upstreamUnsubscribed("/s/")).isTrue();
        assertThat(subscriptions.upstreamUnsubscribed("/s/")).isFalse();
        assertThat(subscriptions.upstreamUnsubscribed("/never/")).isFalse();
    }

    @Test
    void keepsTheHubsPrefixesApartFromTheUpstreamCounts() {
        subscriptions.upstreamSubscribed("/s/");

        assertThat(subscriptions.forHub(topic("/s/a"))).isFalse();
        subscriptions.hubSubscribed("/s/");
        assertThat(subscriptions.upstreamUnsubscribed("/s/")).isTrue();
        assertThat(subscriptions.forHub(topic("/s/a"))).isTrue();
    }

    private static Msg topic(String topic) {
        return new Msg(topic.getBytes(StandardCharsets.UTF_8));
    }
}
