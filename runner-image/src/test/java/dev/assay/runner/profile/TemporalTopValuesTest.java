package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.profile.VariableProfile;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;

/**
 * The most frequent dates and date-times, most frequent first and ties to the earlier text, whatever shortcut the
 * profiler takes over values that cannot get in; checked against counting every value.
 */
class TemporalTopValuesTest {

    @Test
    void topDateTimesAreThoseOfCountingEveryValue() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 20; round++) {
            DateTimeColumn column = DateTimeColumn.create("t");
            // Some rounds run past the year 9999, where the written text no longer sorts like the values.
            LocalDateTime start =
                    round % 4 == 0 ? LocalDateTime.of(9999, 12, 31, 23, 0) : LocalDateTime.of(2020, 1, 1, 0, 0);
            int rows = 1 + random.nextInt(3_000);
            int spread = 1 + random.nextInt(rows * 3);
            for (int i = 0; i < rows; i++) {
                // Whole minutes now and then, which are written without seconds.
                long second = random.nextInt(spread) * (random.nextInt(4) == 0 ? 60L : 1L);
                column.append(start.plusSeconds(second));
            }
            assertTopIsCounted(column, v -> ((LocalDateTime) v).toString());
        }
    }

    @Test
    void topDatesAreThoseOfCountingEveryValue() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 20; round++) {
            DateColumn column = DateColumn.create("d");
            LocalDate start = round % 4 == 0 ? LocalDate.of(9999, 12, 1) : LocalDate.of(990, 1, 1);
            int rows = 1 + random.nextInt(3_000);
            int spread = 1 + random.nextInt(rows * 2);
            for (int i = 0; i < rows; i++) {
                column.append(start.plusDays(random.nextInt(spread)));
            }
            assertTopIsCounted(column, v -> ((LocalDate) v).toString());
        }
    }

    private static void assertTopIsCounted(Column<?> column, Function<Object, String> write) {
        Map<String, Long> counts = new TreeMap<>();
        for (int row = 0; row < column.size(); row++) {
            counts.merge(write.apply(column.get(row)), 1L, Long::sum);
        }
        List<Map.Entry<String, Long>> expected = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(ColumnProfiler.TOP)
                .toList();
        VariableProfile profile = ColumnProfiler.profile(column, Optional.empty());
        assertThat(profile.top().stream()
                        .map(v -> Map.entry(v.value(), v.count()))
                        .toList())
                .isEqualTo(expected);
    }
}
