package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * The package-private index and enrichers, opened to the benchmarks in {@code attribution.bench} (test code
 * only; production callers go through {@link AttributionService}).
 */
public final class BenchSupport {

    private final AttributionIndex index;
    private final MatchCollector matches = new MatchCollector(false);
    private final Completeness completeness = new Completeness();
    private final TieredAttributor tiers;

    public BenchSupport(Duration retention, long maxEvents, Duration window) {
        this.index = new AttributionIndex(retention, maxEvents, window);
        this.tiers = TieredAttributor.memoryOnly(index);
    }

    public void putHost(HostAddresses host) {
        index.putHost(host);
    }

    public void add(List<SocketEventEntry> events) {
        index.addAll(events);
    }

    public long size() {
        return index.size();
    }

    public long footprint() {
        return index.footprint();
    }

    /** A parsed connection, for lookups without parsing cost. */
    public static Object tuple(String origH, int origP, String respH, int respP, String proto, long tsMillis) {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        if (!o.parse(origH) || !r.parse(respH)) {
            throw new IllegalArgumentException(origH + " " + respH);
        }
        return new ConnectionTuple(o.hi(), o.lo(), origP, r.hi(), r.lo(), respP, Transport.fromName(proto), tsMillis);
    }

    /** Attributes a {@link #tuple}; returns the number of matches (both sides). */
    public int attribute(Object tuple) {
        index.attribute((ConnectionTuple) tuple, matches);
        return matches.size();
    }

    /** Attributes a {@link #tuple} through the tiers (memory, then the database when needed); returns the matches. */
    public int attributeTiered(Object tuple) {
        tiers.attribute((ConnectionTuple) tuple, matches, completeness);
        return matches.size();
    }

    public long enrichNdjson(InputStream in, OutputStream out) throws IOException {
        return new NdjsonEnricher(index).enrich(in, out);
    }

    /** As {@link #enrichNdjson}, remembering every line's flow by Community ID in a memory of {@code maxFlows}. */
    public long enrichNdjsonRememberingFlows(InputStream in, OutputStream out, int maxFlows) throws IOException {
        FlowMemory flows = new FlowMemory(maxFlows, Duration.ofHours(24));
        long n = new NdjsonEnricher(tiers, 1, flows).enrich(in, out);
        lastFlows = flows;
        return n;
    }

    /** Flows the last {@link #enrichNdjsonRememberingFlows} remembered (kept reachable for a heap measurement). */
    public int lastFlowCount() {
        FlowMemory flows = lastFlows;
        return flows == null ? 0 : flows.size();
    }

    /** Lets the last flow memory be collected. */
    public void dropFlows() {
        lastFlows = null;
    }

    private @org.jspecify.annotations.Nullable FlowMemory lastFlows;

    public long enrichTsv(BufferedReader in, Writer out) throws IOException {
        return new ZeekTsvEnricher(index).enrich(in, out);
    }
}
