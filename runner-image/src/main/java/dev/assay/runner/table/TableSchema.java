package dev.assay.runner.table;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The schema of a table as validation sees it, computed from the data: storage type, missing and distinct
 * counts and the categories of text columns come from the values. A column's kind is taken from a schema
 * already known (the profile, or the previous step's projection) when the column is there with the same
 * storage; otherwise it is inferred by the profiler's rule.
 */
public final class TableSchema {

    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f");

    private TableSchema() {}

    public static DatasetSchema of(Table table) {
        return of(table, new DatasetSchema(List.of()));
    }

    public static DatasetSchema of(Table table, DatasetSchema known) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            columns.add(describe(column, known.find(column.name())));
        }
        // Rows are the table's own; strong links are known only from a profile, and kept while their columns are.
        List<String> names = table.columnNames();
        return new DatasetSchema(columns)
                .withFacts(
                        table.rowCount(),
                        known.links().stream()
                                .filter(l -> names.contains(l.first()) && names.contains(l.second()))
                                .toList());
    }

    public static ColumnType typeOf(Column<?> column) {
        return switch (column) {
            case IntColumn c -> ColumnType.INTEGER;
            case LongColumn c -> ColumnType.INTEGER;
            case ShortColumn c -> ColumnType.INTEGER;
            case DoubleColumn c -> ColumnType.DECIMAL;
            case FloatColumn c -> ColumnType.DECIMAL;
            case BooleanColumn c -> ColumnType.BOOLEAN;
            case DateColumn c -> ColumnType.DATE;
            case DateTimeColumn c -> ColumnType.DATETIME;
            case InstantColumn c -> ColumnType.DATETIME;
            default -> ColumnType.STRING;
        };
    }

    public static ColumnInfo describe(Column<?> column, Optional<ColumnInfo> known) {
        ColumnType type = typeOf(column);
        Map<String, Integer> counts = new HashMap<>();
        int present = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                counts.merge(column.getString(row), 1, Integer::sum);
                present++;
            }
        }
        List<String> categories = List.of();
        if (type == ColumnType.STRING
                && counts.size() <= dev.assay.model.profile.VariableProfile.MAX_LISTED_CATEGORIES) {
            categories = byFrequency(counts);
        }
        int presentCount = present;
        VariableKind kind = known.filter(k -> k.type() == type)
                .map(ColumnInfo::kind)
                .orElseGet(() -> inferKind(column, type, counts, presentCount));
        return new ColumnInfo(column.name(), type, kind, column.size() - present, counts.size(), categories);
    }

    /** Most frequent first; ties by value, so that two runs on the same data agree. */
    public static List<String> byFrequency(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The profiler's rule ({@link Kinds#infer}), on the facts of this column. */
    private static VariableKind inferKind(Column<?> column, ColumnType type, Map<String, Integer> counts, int present) {
        boolean zeroOne = type == ColumnType.INTEGER
                && !counts.isEmpty()
                && counts.keySet().stream().allMatch(v -> v.equals("0") || v.equals("1"));
        boolean booleanWords = type == ColumnType.STRING
                && !counts.isEmpty()
                && counts.keySet().stream()
                        .allMatch(v -> BOOLEAN_WORDS.contains(v.strip().toLowerCase(Locale.ROOT)));
        double meanLength = counts.entrySet().stream()
                        .mapToDouble(e -> e.getKey().length() * (double) e.getValue())
                        .sum()
                / Math.max(1, present);
        boolean spaces = type == ColumnType.STRING
                && counts.keySet().stream().anyMatch(v -> v.strip().indexOf(' ') > 0);
        boolean increasing = column instanceof NumericColumn<?> numbers && increasing(numbers);
        return Kinds.infer(
                column.name(),
                type,
                present,
                counts.size(),
                zeroOne,
                increasing,
                booleanWords,
                type == ColumnType.STRING ? meanLength : 0,
                spaces);
    }

    private static boolean increasing(NumericColumn<?> numbers) {
        double previous = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < numbers.size(); row++) {
            if (numbers.isMissing(row) || numbers.getDouble(row) <= previous) {
                return false;
            }
            previous = numbers.getDouble(row);
        }
        return true;
    }

    /** Missing cells of the whole table. */
    public static long missingCells(Table table) {
        long missing = 0;
        for (Column<?> column : table.columns()) {
            missing += column.countMissing();
        }
        return missing;
    }
}
