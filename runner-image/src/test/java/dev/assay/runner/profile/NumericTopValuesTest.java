package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.Column;

/**
 * The most frequent numbers, most frequent first and ties to the smaller text ("10" before "9"), whatever shortcut
 * the profiler takes over values that cannot get in; checked against counting every value as written.
 */
class NumericTopValuesTest {

    @Test
    void topIntegersAreThoseOfCountingEveryValue() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 30; round++) {
            IntColumn column = IntColumn.create("n");
            int rows = 1 + random.nextInt(3_000);
            // Some rounds all distinct (every value ties), some with repeats; negative and multi-digit values.
            int spread = round % 3 == 0 ? Integer.MAX_VALUE : 1 + random.nextInt(rows * 2);
            int offset = random.nextInt(3) == 0 ? -spread / 2 : 0;
            for (int i = 0; i < rows; i++) {
                column.append(round % 3 == 0 ? i * (1 + round) - 50 : offset + random.nextInt(spread));
            }
            assertTopIsCounted(column, v -> Long.toString(((Number) v).longValue()));
        }
    }

    @Test
    void topLongsAndDecimalsAreThoseOfCountingEveryValue() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 20; round++) {
            LongColumn longs = LongColumn.create("l");
            DoubleColumn doubles = DoubleColumn.create("d");
            int rows = 1 + random.nextInt(3_000);
            for (int i = 0; i < rows; i++) {
                longs.append(random.nextLong(-5_000_000_000L, 5_000_000_000L) / (1 + random.nextInt(3) * 1000L));
                // Whole numbers (written as longs) among fractions and numbers too large to be written as longs.
                double value = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(200);
                    case 1 -> random.nextInt(200) / 4.0;
                    case 2 -> -random.nextInt(50) * 1e15;
                    default -> Math.round(random.nextGaussian() * 1000) / 100.0;
                };
                doubles.append(value);
            }
            assertTopIsCounted(longs, v -> Long.toString((Long) v));
            assertTopIsCounted(doubles, v -> ColumnProfiler.format((Double) v, false));
        }
    }

    @Test
    void aTieIsKeptOnlyWhenItsTextIsSmallerThanTheWeakestKept() {
        TopValues top = new TopValues(2);
        top.offer("5", 3);
        top.offer("7", 3);
        assertThat(top.wouldKeep(3, "8")).isFalse();
        assertThat(top.wouldKeep(3, "7")).isFalse();
        assertThat(top.wouldKeep(3, "10")).isTrue();
        assertThat(top.wouldKeep(4, "99")).isTrue();
        assertThat(top.wouldKeep(2, "0")).isFalse();
        top.offer("10", 3);
        assertThat(top.entries()).containsExactlyInAnyOrder(Map.entry("5", 3L), Map.entry("10", 3L));
    }

    private static void assertTopIsCounted(Column<?> column, java.util.function.Function<Object, String> write) {
        Map<String, Long> counts = new TreeMap<>();
        for (int row = 0; row < column.size(); row++) {
            counts.merge(write.apply(column.get(row)), 1L, Long::sum);
        }
        List<Map.Entry<String, Long>> expected = new ArrayList<>(counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(ColumnProfiler.TOP)
                .toList());
        VariableProfile profile = ColumnProfiler.profile(column, Optional.empty());
        assertThat(profile.top().stream()
                        .map(v -> Map.entry(v.value(), v.count()))
                        .toList())
                .as(column.name())
                .isEqualTo(expected);
    }
}
