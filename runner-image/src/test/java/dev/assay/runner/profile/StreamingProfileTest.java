package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.model.profile.DateStats;
import dev.assay.model.profile.Estimates;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.ValueCount;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.ingest.CsvIngest;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The streaming profile against the exact one on every bundled dataset, forced into streaming mode with a
 * threshold of 0 bytes: exact figures equal, estimated figures within the bounds the profile states for them.
 * Twice: as a big file would be profiled (values counted exactly while a column has few distinct values) and with
 * every distinct count, top list, quantile and histogram taken from the sketches.
 */
class StreamingProfileTest {

    @TempDir
    Path tmp;

    static Stream<String> datasets() throws IOException {
        try (Stream<Path> files = Files.list(Datasets.DIR)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static final EngineConfig KEEP_ALL = new EngineConfig(1L << 30, 1000, 100_000, false, true, 20, 0);

    private Profile exact(Path csv) {
        CsvIngest.Result read =
                new CsvIngest(KEEP_ALL).read(csv, csv.getFileName().toString(), ProgressListener.NONE);
        return new Profiler().profile(read.table(), read.report(), read.stray(), ProgressListener.NONE);
    }

    private Profile streamed(Path csv, int exactDistinct) {
        return new ProfilePipeline(KEEP_ALL)
                .stream(csv, ProgressListener.NONE, tmp.resolve("cleaned.csv"), new StreamingProfiler(exactDistinct));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void withExactCountsEveryFigureOfASmallFileIsExact(String dataset) {
        Path csv = Datasets.DIR.resolve(dataset);
        Profile exact = exact(csv);
        Profile streamed = streamed(csv, 100_000);

        assertThat(streamed.streamed()).isTrue();
        assertTableAgrees(exact, streamed);
        for (VariableProfile e : exact.variables().values()) {
            VariableProfile s = streamed.variables().get(e.name());
            assertExactFiguresAgree(e, s);
            assertThat(s.distinct()).as(e.name()).isEqualTo(e.distinct());
            assertThat(s.type()).as(e.name()).isEqualTo(e.type());
            assertThat(s.categories()).as(e.name()).isEqualTo(e.categories());
            assertThat(counts(s.top())).as(e.name()).isEqualTo(counts(e.top()));
            e.numeric().ifPresent(n -> {
                NumericStats t = s.numeric().orElseThrow();
                double[] expected = {n.p5(), n.q1(), n.median(), n.q3(), n.p95()};
                double[] actual = {t.p5(), t.q1(), t.median(), t.q3(), t.p95()};
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i])
                            .as(e.name() + " quantile " + i)
                            .isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
                }
                assertThat(t.histogram()).as(e.name()).isEqualTo(n.histogram());
            });
            e.date()
                    .ifPresent(
                            d -> assertThat(s.date().orElseThrow()).as(e.name()).isEqualTo(d));
        }
        // Nothing per column is estimated here: only the table's duplicates (and correlations past the sample).
        assertThat(streamed.estimates().orElseThrow().figures())
                .allSatisfy(f -> assertThat(f.column()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void fromTheSketchesEveryEstimateIsWithinItsStatedBound(String dataset) {
        Path csv = Datasets.DIR.resolve(dataset);
        Profile exact = exact(csv);
        Table table = new CsvIngest(KEEP_ALL)
                .read(csv, dataset, ProgressListener.NONE)
                .table();
        Profile streamed = streamed(csv, 0);
        Estimates estimates = streamed.estimates().orElseThrow();

        assertTableAgrees(exact, streamed);
        for (VariableProfile e : exact.variables().values()) {
            VariableProfile s = streamed.variables().get(e.name());
            assertExactFiguresAgree(e, s);
            if (estimates.estimated(e.name(), "distinct")) {
                double bound = figure(estimates, e.name(), "distinct").error();
                assertThat((double) s.distinct())
                        .as(e.name() + " distinct")
                        .isCloseTo(e.distinct(), within(Math.max(1, bound * e.distinct())));
            } else {
                assertThat(s.distinct()).as(e.name()).isEqualTo(e.distinct());
            }
            if (estimates.estimated(e.name(), "top")) {
                double bound = figure(estimates, e.name(), "top").error();
                Map<String, Long> exactTop = counts(e.top());
                for (ValueCount v : s.top()) {
                    if (exactTop.containsKey(v.value())) {
                        assertThat((double) v.count())
                                .as(e.name() + " top " + v.value())
                                .isCloseTo(exactTop.get(v.value()), within(bound));
                    }
                }
            }
            if (e.numeric().isPresent() && table.column(e.name()) instanceof NumericColumn<?> column) {
                assertQuantilesWithinRank(e.name(), column, s.numeric().orElseThrow(), estimates);
                assertHistogramWithinRank(
                        e.name(),
                        e.numeric().get().histogram().counts(),
                        s.numeric().orElseThrow().histogram().counts(),
                        estimates,
                        e.count());
            }
            e.date().ifPresent(d -> {
                DateStats t = s.date().orElseThrow();
                assertThat(t.min()).isEqualTo(d.min());
                assertThat(t.max()).isEqualTo(d.max());
                assertThat(t.edges()).isEqualTo(d.edges());
                assertHistogramWithinRank(e.name(), d.counts(), t.counts(), estimates, e.count());
            });
        }
    }

    /** Each quantile's value has a true rank within q ± the stated rank error. */
    private static void assertQuantilesWithinRank(
            String name, NumericColumn<?> column, NumericStats stats, Estimates estimates) {
        double[] sorted = column.asDoubleArray();
        sorted = Arrays.stream(sorted)
                .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v))
                .sorted()
                .toArray();
        double epsilon = figure(estimates, name, "quantiles").error();
        double[] q = {0.05, 0.25, 0.5, 0.75, 0.95};
        double[] actual = {stats.p5(), stats.q1(), stats.median(), stats.q3(), stats.p95()};
        int n = sorted.length;
        for (int i = 0; i < q.length; i++) {
            double low = sorted[(int) Math.max(0, Math.floor((q[i] - epsilon) * (n - 1)))];
            double high = sorted[(int) Math.min(n - 1, Math.ceil((q[i] + epsilon) * (n - 1)))];
            assertThat(actual[i]).as(name + " q" + q[i]).isBetween(low, high);
        }
    }

    /** Each bin's cumulative count is within the stated rank error (times the values) of the exact one. */
    private static void assertHistogramWithinRank(
            String name, List<Long> exact, List<Long> streamed, Estimates estimates, long n) {
        assertThat(streamed).as(name).hasSameSizeAs(exact);
        double epsilon = estimates.estimated(name, "histogram")
                ? figure(estimates, name, "histogram").error()
                : 0;
        long e = 0;
        long s = 0;
        for (int i = 0; i < exact.size(); i++) {
            e += exact.get(i);
            s += streamed.get(i);
            // Each bin's estimate is rounded to a whole count: up to half a value per bin so far.
            assertThat((double) s)
                    .as(name + " bins up to " + i)
                    .isCloseTo(e, within(epsilon * n + (i + 1) / 2.0 + 1e-9));
        }
    }

    private static Estimates.Figure figure(Estimates estimates, String column, String name) {
        return estimates.figures().stream()
                .filter(f -> f.column().equals(column) && f.figure().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " estimate for " + column));
    }

    private static void assertTableAgrees(Profile exact, Profile streamed) {
        assertThat(streamed.table().rows()).isEqualTo(exact.table().rows());
        assertThat(streamed.table().columns()).isEqualTo(exact.table().columns());
        assertThat(streamed.table().missingCells()).isEqualTo(exact.table().missingCells());
        assertThat(streamed.variables().keySet())
                .containsExactlyElementsOf(exact.variables().keySet());
        assertThat(streamed.sample()).isEqualTo(exact.sample());
        assertThat(streamed.ingest().warnings()).isEqualTo(exact.ingest().warnings());
    }

    private static void assertExactFiguresAgree(VariableProfile e, VariableProfile s) {
        assertThat(s.storage()).as(e.name()).isEqualTo(e.storage());
        assertThat(s.count()).as(e.name()).isEqualTo(e.count());
        assertThat(s.missing()).as(e.name()).isEqualTo(e.missing());
        assertThat(s.stray()).as(e.name()).isEqualTo(e.stray());
        assertThat(s.text()).as(e.name()).isEqualTo(e.text());
        e.numeric().ifPresent(n -> {
            NumericStats t = s.numeric().orElseThrow();
            assertThat(t.min()).as(e.name()).isEqualTo(n.min());
            assertThat(t.max()).as(e.name()).isEqualTo(n.max());
            assertThat(t.mean()).as(e.name()).isCloseTo(n.mean(), within(1e-9 * (1 + Math.abs(n.mean()))));
            assertThat(t.std()).as(e.name()).isCloseTo(n.std(), within(1e-9 * (1 + n.std())));
            assertThat(t.skewness()).as(e.name()).isCloseTo(n.skewness(), within(1e-6 * (1 + Math.abs(n.skewness()))));
            assertThat(t.kurtosis()).as(e.name()).isCloseTo(n.kurtosis(), within(1e-6 * (1 + Math.abs(n.kurtosis()))));
            assertThat(t.zeros()).as(e.name()).isEqualTo(n.zeros());
            assertThat(t.negatives()).as(e.name()).isEqualTo(n.negatives());
            assertThat(t.infinite()).as(e.name()).isEqualTo(n.infinite());
            assertThat(t.smallest()).as(e.name()).isEqualTo(n.smallest());
            assertThat(t.largest()).as(e.name()).isEqualTo(n.largest());
        });
        if (e.storage() == dev.assay.model.dataset.ColumnType.BOOLEAN) {
            assertThat(s.top()).as(e.name()).isEqualTo(e.top());
        }
    }

    private static Map<String, Long> counts(List<ValueCount> top) {
        return top.stream()
                .collect(Collectors.toMap(
                        ValueCount::value, ValueCount::count, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
