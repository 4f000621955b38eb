package dev.assay.runner.training;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.runner.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Which columns a model may learn from, and how each is read. Columns that cannot generalise are left out,
 * each with the reason: identifiers (a different value in every row), free text and names (most values differ),
 * constant or empty columns. Dates are read as dates and become year, month, day and weekday inside the model.
 * This is the first half of the leakage guard; {@link LeakageGuard} is the second.
 */
final class FeatureSelection {

    /** A text column with more distinct values than this share of its rows is identifier-like. */
    static final double IDENTIFIER_SHARE = 0.9;

    static final int IDENTIFIER_MIN_DISTINCT = 50;
    /**
     * A text column with more distinct values than this share of its rows reads as names or descriptions (car names,
     * titles): as categories almost every value is rare, so they teach a model nothing that holds on new rows.
     */
    static final double NAMES_SHARE = 0.5;

    record Chosen(List<String> names, List<RawColumn.Reading> readings, List<FeatureNote> excluded) {}

    private FeatureSelection() {}

    static Chosen choose(Table table, DatasetSchema schema, List<String> requested, String target) {
        List<String> candidates = requested.isEmpty()
                ? table.columnNames().stream().filter(n -> !n.equals(target)).toList()
                : requested;
        List<String> names = new ArrayList<>();
        List<RawColumn.Reading> readings = new ArrayList<>();
        List<FeatureNote> excluded = new ArrayList<>();
        for (String name : candidates) {
            if (!table.containsColumn(name)) {
                excluded.add(new FeatureNote(name, "not in the data"));
                continue;
            }
            ColumnInfo info = schema.find(name)
                    .filter(c -> c.type() == TableSchema.typeOf(table.column(name)))
                    .orElseGet(() -> TableSchema.describe(table.column(name), Optional.empty()));
            Optional<String> reason = reasonToLeaveOut(info, table.rowCount())
                    .or(() -> namesOrFreeText(table.column(name), info, table.rowCount()));
            if (reason.isPresent()) {
                excluded.add(new FeatureNote(name, reason.get()));
                continue;
            }
            names.add(name);
            readings.add(
                    info.type().isTemporal()
                            ? RawColumn.Reading.DATE
                            : info.isNumeric() && info.kind() != VariableKind.CATEGORICAL
                                    ? RawColumn.Reading.NUMBER
                                    : RawColumn.Reading.CATEGORY);
        }
        return new Chosen(names, readings, excluded);
    }

    /**
     * Names and descriptions (car models, titles): most values differ and most are words, not codes. Codes with many
     * values (tickets, zones) stay in; the model reads them with their frequency.
     */
    private static Optional<String> namesOrFreeText(tech.tablesaw.columns.Column<?> column, ColumnInfo info, int rows) {
        long present = rows - info.missing();
        if (info.type() != ColumnType.STRING
                || info.distinct() <= IDENTIFIER_MIN_DISTINCT
                || info.distinct() <= NAMES_SHARE * present) {
            return Optional.empty();
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                distinct.add(column.getString(row));
            }
        }
        long wordy = distinct.stream().filter(FeatureSelection::words).count();
        if (wordy <= NAMES_SHARE * distinct.size()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "names or free text: %d different values in %d rows "
                        + "(%.0f %%), mostly words, so most values are seen once and teach nothing that holds on new rows; "
                        + "derive features from it with feature_engineer (text_length, regex_extract)",
                info.distinct(),
                present,
                100.0 * info.distinct() / present));
    }

    /** At least two words of two or more letters: "chevrolet chevelle", not "A/5 21171". */
    private static boolean words(String value) {
        int words = 0;
        for (String token : value.strip().split("\\s+")) {
            if (token.length() >= 2 && token.chars().filter(Character::isLetter).count() >= token.length() - 1) {
                words++;
            }
        }
        return words >= 2;
    }

    private static Optional<String> reasonToLeaveOut(ColumnInfo info, int rows) {
        long present = rows - info.missing();
        if (present == 0) {
            return Optional.of("has no values");
        }
        if (info.distinct() == 1) {
            return Optional.of("has the same value in every row");
        }
        return switch (info.kind()) {
            case IDENTIFIER -> Optional.of("identifier-like: a different value in every row, which cannot generalise");
            case TEXT ->
                info.type().isTemporal()
                        ? Optional.empty()
                        : Optional.of(
                                "free text: derive features from it with feature_engineer (text_length, regex_extract)");
            case DATETIME ->
                info.type().isTemporal()
                        ? Optional.empty()
                        : Optional.of("dates written as text that were not read as dates: cast it to datetime first");
            default -> {
                if (info.type().isTemporal()) {
                    yield Optional.empty();
                }
                if (info.type() == ColumnType.STRING
                        && info.distinct() > IDENTIFIER_MIN_DISTINCT
                        && info.distinct() > IDENTIFIER_SHARE * present) {
                    yield Optional.of("identifier-like: " + info.distinct() + " different values in " + present
                            + " rows, which cannot generalise");
                }
                yield Optional.empty();
            }
        };
    }
}
