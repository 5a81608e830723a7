package io.zeekagent.hub.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The one output format of every benchmark: a {@code BENCH|...} line per figure that {@code bench/run.sh} collects
 * into {@code BENCHMARKS.md}. Every figure carries the baseline it was measured against in the same run, because a
 * ratio survives a noisy machine where an absolute number does not.
 */
public final class BenchReport {

    private BenchReport() {}

    /** True unless {@code -Dbench.mode=full}: quick mode keeps the whole suite under a few minutes. */
    public static boolean quick() {
        return !"full".equalsIgnoreCase(System.getProperty("bench.mode", "quick"));
    }

    /** Picks the quick or the full value of a size parameter. */
    public static int size(int quickValue, int fullValue) {
        return quick() ? quickValue : fullValue;
    }

    /** Picks the quick or the full value of a duration or count that is not an {@code int}. */
    public static double size(double quickValue, double fullValue) {
        return quick() ? quickValue : fullValue;
    }

    /**
     * Prints how far the benchmark has got, in seconds since its JVM started (not a figure: {@code bench/run.sh}
     * keeps it in the class's log), so a slow run shows where its time went.
     */
    public static void phase(String what) {
        System.out.printf(
                Locale.ROOT,
                "[%6.1f s] %s%n",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                what);
        System.out.flush();
    }

    /**
     * Prints one figure.
     *
     * @param name what was measured, e.g. "attribution lookups/s (1 core)"
     * @param value the measured value
     * @param unit its unit, e.g. "lookups/s"
     * @param baselineName what the baseline is, e.g. "seed linear scan"
     * @param baseline the baseline's value in the same unit, or NaN when the figure has none
     * @param target the target in words, e.g. "≥ 1,000,000 lookups/s"
     * @param met whether the target is met
     */
    public static void figure(
            String name, double value, String unit, String baselineName, double baseline, String target, boolean met) {
        String ratio = Double.isNaN(baseline) || baseline == 0 ? "-" : format(value / baseline) + "×";
        System.out.println(String.join(
                "|",
                "BENCH",
                name,
                format(value),
                unit,
                baselineName,
                Double.isNaN(baseline) ? "-" : format(baseline),
                ratio,
                target,
                met ? "met" : "NOT met"));
        System.out.flush();
    }

    /** Prints a figure that has no target of its own (shown with status "-"). */
    public static void info(String name, double value, String unit, String baselineName, double baseline) {
        String ratio = Double.isNaN(baseline) || baseline == 0 ? "-" : format(value / baseline) + "×";
        System.out.println(String.join(
                "|",
                "BENCH",
                name,
                format(value),
                unit,
                baselineName,
                Double.isNaN(baseline) ? "-" : format(baseline),
                ratio,
                "-",
                "-"));
        System.out.flush();
    }

    /** Prints a figure that could not be measured in this run, and why (e.g. PostgreSQL did not answer). */
    public static void skipped(String name, String target, String reason) {
        System.out.println(String.join("|", "BENCH", name, "-", "-", "-", "-", "-", target, "skipped: " + reason));
        System.out.flush();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
