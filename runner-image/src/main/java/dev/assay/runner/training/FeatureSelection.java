package dev.assay.runner.training;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.runner.actions.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Which columns a model may learn from, and how each is read. Columns that cannot generalise are left out,
 * each with the reason: identifiers (a different value in every row), free text, dates, constant or empty
 * columns. This is the first half of the leakage guard; {@link LeakageGuard} is the second.
 */
final class FeatureSelection {

    /** A text column with more distinct values than this share of its rows is identifier-like. */
    static final double IDENTIFIER_SHARE = 0.9;
    static final int IDENTIFIER_MIN_DISTINCT = 50;

    record Chosen(List<String> names, List<RawColumn.Reading> readings, List<FeatureNote> excluded) {
    }

    private FeatureSelection() {
    }

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
            ColumnInfo info = schema.find(name).filter(c -> c.type() == TableSchema.typeOf(table.column(name)))
                    .orElseGet(() -> TableSchema.describe(table.column(name), Optional.empty()));
            Optional<String> reason = reasonToLeaveOut(info, table.rowCount());
            if (reason.isPresent()) {
                excluded.add(new FeatureNote(name, reason.get()));
                continue;
            }
            names.add(name);
            readings.add(info.isNumeric() && info.kind() != VariableKind.CATEGORICAL
                    ? RawColumn.Reading.NUMBER : RawColumn.Reading.CATEGORY);
        }
        return new Chosen(names, readings, excluded);
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
            case TEXT -> Optional.of("free text: derive features from it with feature_engineer (text_length, regex_extract)");
            case DATETIME -> Optional.of("date or time: derive features from it with feature_engineer date_parts");
            default -> {
                if (info.type().isTemporal()) {
                    yield Optional.of("date or time: derive features from it with feature_engineer date_parts");
                }
                if (info.type() == ColumnType.STRING && info.distinct() > IDENTIFIER_MIN_DISTINCT
                        && info.distinct() > IDENTIFIER_SHARE * present) {
                    yield Optional.of("identifier-like: " + info.distinct() + " different values in " + present
                            + " rows, which cannot generalise");
                }
                yield Optional.empty();
            }
        };
    }
}
