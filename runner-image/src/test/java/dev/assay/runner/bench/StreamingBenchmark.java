package dev.assay.runner.bench;

import dev.assay.model.profile.Estimates;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.ingest.CsvIngest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** The streaming parts of {@link ProfileBenchmark}: a file larger than the heap, and the estimates' errors. */
final class StreamingBenchmark {

    private StreamingBenchmark() {}

    /** Profiles {@code csv} as the engine decides with this JVM's heap: streaming when it is above the threshold. */
    static void run(Path csv, Path out) throws IOException {
        EngineConfig config = EngineConfig.defaults();
        long bytes = Files.size(csv);
        long heap = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "streaming: %s is %s, %.1f× the max heap of %s; streaming threshold %s%n",
                csv.getFileName(),
                ProfileBenchmark.mb(bytes),
                (double) bytes / heap,
                ProfileBenchmark.mb(heap),
                ProfileBenchmark.mb(config.streamAboveBytes()));
        ProfileBenchmark.Stages stages = new ProfileBenchmark.Stages();
        System.gc();
        ProfileBenchmark.HeapWatch watch = ProfileBenchmark.HeapWatch.start();
        long cpu = ProfileBenchmark.cpuNanos();
        long started = System.nanoTime();
        Profile profile = new Engine(config).profile(csv, out, stages).profile();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (ProfileBenchmark.cpuNanos() - cpu) / 1e9;
        stages.update(100, "end");
        watch.stop();
        System.out.printf(
                Locale.ROOT,
                "Assay %s profile: %,d rows × %d columns in %.1f s (%.1f s of CPU): %,.0f rows/s, " + "%.0f MB/s%n",
                profile.streamed() ? "streaming" : "EXACT (not streaming)",
                profile.table().rows(),
                profile.table().columns(),
                seconds,
                cpuSeconds,
                profile.table().rows() / seconds,
                bytes / 1e6 / seconds);
        System.out.printf(
                Locale.ROOT,
                "  heap: peak used %s (sampled every 10 ms), peak live after a GC %s, max %s "
                        + "(file / peak used: %.1f×)%n",
                ProfileBenchmark.mb(watch.peakUsed()),
                ProfileBenchmark.mb(watch.peakLive()),
                ProfileBenchmark.mb(heap),
                (double) bytes / watch.peakUsed());
        System.out.println("  where the time goes:");
        stages.print(started);
        System.out.printf(
                Locale.ROOT,
                "  estimated figures: %d (quantiles of %d columns, distinct counts of %d)%n",
                profile.estimates().map(e -> e.figures().size()).orElse(0),
                profile.estimates()
                        .map(e -> e.figures().stream()
                                .filter(f -> f.figure().equals("quantiles"))
                                .count())
                        .orElse(0L),
                profile.estimates()
                        .map(e -> e.figures().stream()
                                .filter(f -> f.figure().equals("distinct"))
                                .count())
                        .orElse(0L));
    }

    /**
     * The streaming profile of {@code csv}, forced, against {@code exact}: for every estimated quantile its true
     * rank's distance from q, and for every estimated distinct count its relative error, beside the stated bounds.
     */
    static void errors(Path csv, Path out, Profile exact) {
        long started = System.nanoTime();
        Profile streamed = new Engine(EngineConfig.defaults().withStreamAbove(0))
                .profile(csv, out, ProgressListener.NONE)
                .profile();
        double seconds = (System.nanoTime() - started) / 1e9;
        Estimates estimates = streamed.estimates().orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "estimate errors: streaming profile of the same file (forced, %.1f s) against the " + "exact one%n",
                seconds);
        Table table = new CsvIngest(EngineConfig.defaults())
                .read(csv, csv.getFileName().toString(), ProgressListener.NONE)
                .table();
        double worstRank = 0;
        double worstBound = 0;
        for (VariableProfile v : streamed.variables().values()) {
            if (!estimates.estimated(v.name(), "quantiles")
                    || !(table.column(v.name()) instanceof NumericColumn<?> c)) {
                continue;
            }
            double[] sorted = Arrays.stream(c.asDoubleArray())
                    .filter(Double::isFinite)
                    .sorted()
                    .toArray();
            NumericStats s = v.numeric().orElseThrow();
            double[] q = {0.05, 0.25, 0.5, 0.75, 0.95};
            double[] values = {s.p5(), s.q1(), s.median(), s.q3(), s.p95()};
            double bound = figure(estimates, v.name(), "quantiles").error();
            StringBuilder line = new StringBuilder();
            double worst = 0;
            for (int i = 0; i < q.length; i++) {
                double rank = rank(sorted, values[i]);
                double error = Math.abs(rank - q[i]);
                worst = Math.max(worst, error);
                line.append(String.format(Locale.ROOT, " q%.2f %.4f%%", q[i], 100 * error));
            }
            worstRank = Math.max(worstRank, worst);
            worstBound = bound;
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s quantile rank errors:%s (worst %.4f %%, bound ±%.2f %% at 99 %%)%n",
                    v.name(),
                    line,
                    100 * worst,
                    100 * bound);
        }
        double worstDistinct = 0;
        for (VariableProfile v : streamed.variables().values()) {
            if (!estimates.estimated(v.name(), "distinct")) {
                continue;
            }
            long truth = exact.variables().get(v.name()).distinct();
            double error = truth == 0 ? 0 : Math.abs(v.distinct() - truth) / (double) truth;
            worstDistinct = Math.max(worstDistinct, error);
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s distinct: %,d estimated, %,d exact: %.3f %% off (bound ±%.2f %% at " + "99.7 %%)%n",
                    v.name(),
                    v.distinct(),
                    truth,
                    100 * error,
                    100 * figure(estimates, v.name(), "distinct").error());
        }
        System.out.printf(
                Locale.ROOT,
                "  worst quantile rank error %.4f %% (bound %.2f %%), worst distinct-count error " + "%.3f %%%n",
                100 * worstRank,
                100 * worstBound,
                100 * worstDistinct);
    }

    /** The mid-rank of {@code value} among the sorted values, as a share. */
    private static double rank(double[] sorted, double value) {
        int below = lowerBound(sorted, value);
        int upTo = lowerBound(sorted, Math.nextUp(value));
        return ((below + upTo) / 2.0) / Math.max(1, sorted.length - 1);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Estimates.Figure figure(Estimates estimates, String column, String name) {
        return estimates.figures().stream()
                .filter(f -> f.column().equals(column) && f.figure().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
