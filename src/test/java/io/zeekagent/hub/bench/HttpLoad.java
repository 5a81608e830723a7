package io.zeekagent.hub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A closed-loop HTTP load client over real sockets: {@code wrk} (a separate process) when it is on the PATH, else
 * Java's {@link HttpClient} driven by its own pool of threads, one request in flight per connection. Every request
 * is the same POST with an API key; only 200 answers count.
 */
public final class HttpLoad {

    /** What a run achieved. */
    public record Result(double perSecond, long ok, long failed, String client) {

        /** Two runs of equal length taken together (their mean rate); {@code a} may be null. */
        static Result sum(@Nullable Result a, Result b) {
            if (a == null) {
                return b;
            }
            return new Result((a.perSecond + b.perSecond) / 2, a.ok + b.ok, a.failed + b.failed, a.client);
        }
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private final String apiKey;
    private final int connections;

    public HttpLoad(String apiKey, int connections) {
        this.apiKey = apiKey;
        this.connections = connections;
    }

    public static boolean wrkAvailable() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Uploads {@code in} as NDJSON to {@code url} with curl (streamed both ways, as a SOAR tool or a shell would) and
     * writes the answer to {@code out}; returns the nanoseconds the upload took.
     *
     * @throws IllegalStateException when curl fails or the answer is not a 2xx
     */
    public static long postNdjson(String url, String apiKey, Path in, Path out) throws Exception {
        Process curl = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "--fail",
                        "-X",
                        "POST",
                        "-T",
                        in.toString(),
                        "-H",
                        "Expect:",
                        "-H",
                        "Content-Type: application/x-ndjson",
                        "-H",
                        "X-API-Key: " + apiKey,
                        "-o",
                        out.toString(),
                        url)
                .redirectErrorStream(true)
                .start();
        long start = System.nanoTime();
        String errors = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = curl.waitFor();
        long elapsed = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException(url + ": curl exited with " + status + ": " + errors);
        }
        return elapsed;
    }

    /** Warms up for {@code warmup} (none when zero), then measures for {@code duration}. */
    public Result run(String url, String body, Duration warmup, Duration duration) throws Exception {
        boolean wrk = wrkAvailable();
        if (!warmup.isZero() && wrk) {
            wrk(url, body, warmup);
        } else if (!warmup.isZero()) {
            java(url, body, warmup);
        }
        return wrk ? wrk(url, body, duration) : java(url, body, duration);
    }

    private Result wrk(String url, String body, Duration duration) throws Exception {
        Path script = Files.createTempFile("bench-wrk-", ".lua");
        try {
            Files.writeString(
                    script,
                    "wrk.method = \"POST\"\nwrk.body = [==[" + body + "]==]\n"
                            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                            + "wrk.headers[\"X-API-Key\"] = \"" + apiKey + "\"\n");
            Process p = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c" + connections,
                            "-d" + Math.max(1, duration.toSeconds()) + "s",
                            "-s",
                            script.toString(),
                            url)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher rate = RATE.matcher(out);
            Matcher total = TOTAL.matcher(out);
            if (!rate.find() || !total.find()) {
                throw new IllegalStateException("unexpected wrk output:\n" + out);
            }
            Matcher non2xx = NON_2XX.matcher(out);
            long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
            long all = Long.parseLong(total.group(1));
            double ratio = all == 0 ? 0 : (all - failed) / (double) all;
            return new Result(Double.parseDouble(rate.group(1)) * ratio, all - failed, failed, "wrk");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private Result java(String url, String body, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        (r.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        long elapsed = System.nanoTime() - start;
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Result(ok.get() * 1e9 / elapsed, ok.get(), failed.get(), "Java HttpClient");
    }
}
