package io.zeekagent.hub.stream;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A consumer group's lag on this replica: the largest {@code records-lag-max} of the container's consumers (Kafka's
 * own client metric, records behind the end of a partition over the last polls); NaN before the first poll.
 */
final class ConsumerLag {

    private ConsumerLag() {}

    static double of(MessageListenerContainer container) {
        double lag = Double.NaN;
        for (Map<MetricName, ? extends Metric> consumer : container.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> m : consumer.entrySet()) {
                MetricName name = m.getKey();
                if ("records-lag-max".equals(name.name())
                        && "consumer-fetch-manager-metrics".equals(name.group())
                        && !name.tags().containsKey("topic")
                        && m.getValue().metricValue() instanceof Double d
                        && !d.isNaN()) {
                    lag = Double.isNaN(lag) ? d : Math.max(lag, d);
                }
            }
        }
        return lag;
    }
}
