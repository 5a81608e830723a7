package io.zeekagent.hub.broker.bench;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link EventCodec} on a realistic result row: a socket_events row of DESIGN §5 (host id,
 * {@code ZeekAgent::ADD}, cookie, then the 11 columns). Not a unit test; see {@code README-codec.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private ZeekEvent row;
    private byte[] bin;
    private byte[] json;

    /** Builds the row and its encoded forms once. */
    @Setup
    public void setUp() {
        row = socketEventsRow();
        bin = EventCodec.BIN_V1.encode(row);
        json = EventCodec.JSON_V1.encode(row);
    }

    /** Returns the benchmark's result-row event. */
    public static ZeekEvent socketEventsRow() {
        return ZeekEvent.of(
                "ZeekAgent::socket_events_result",
                BrokerValue.string("5f0c2a8e-3b1d-4c7a-9e2f-6a1b8c3d4e5f"),
                BrokerValue.enumValue("ZeekAgent::ADD"),
                BrokerValue.string("sub-000042"),
                BrokerValue.string("connect"),
                BrokerValue.integer(31337),
                BrokerValue.integer(7),
                BrokerValue.string("/usr/bin/curl"),
                BrokerValue.string("10.0.2.15"),
                BrokerValue.string("93.184.216.34"),
                BrokerValue.integer(51234),
                BrokerValue.integer(443),
                BrokerValue.integer(1_732_924_800L),
                BrokerValue.integer(1),
                BrokerValue.integer(1000));
    }

    /** Encodes the row to bin v1. */
    @Benchmark
    public byte[] encodeBinV1() {
        return EventCodec.BIN_V1.encode(row);
    }

    /** Decodes the row from bin v1. */
    @Benchmark
    public ZeekEvent decodeBinV1() {
        return EventCodec.BIN_V1.decode(bin);
    }

    /** Encodes the row to JSON v1. */
    @Benchmark
    public byte[] encodeJsonV1() {
        return EventCodec.JSON_V1.encode(row);
    }

    /** Decodes the row from JSON v1. */
    @Benchmark
    public ZeekEvent decodeJsonV1() {
        return EventCodec.JSON_V1.decode(json);
    }

    /** Runs this benchmark (or the JMH arguments given) without a JMH uber-jar. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {CodecBenchmark.class.getName()});
    }
}
