package dev.assay.runner.training;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.runner.core.InputException;
import dev.assay.runner.table.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows a model learns from (those with a target value), their raw features and the target as class
 * codes or numbers. Row indices used by splits refer to these rows, not to the table's.
 *
 * @param labels  classification: class labels, sorted (numerically for a numeric target); empty for regression
 * @param classes classification: the class code of each row
 * @param values  regression: the target of each row
 * @param strata  what splits keep balanced: the class, or the target's decile
 */
public record TrainingData(
        ModelTask task,
        String target,
        List<RawColumn> features,
        List<RawColumn.Reading> readings,
        List<FeatureNote> excluded,
        List<String> labels,
        int[] classes,
        double[] values,
        int[] strata,
        int droppedForMissingTarget) {

    /** More classes than this is almost surely a regression target or an identifier. */
    public static final int MAX_CLASSES = 200;

    public static final int MIN_ROWS = 10;

    public int rows() {
        return strata.length;
    }

    public List<String> featureNames() {
        return features.stream().map(RawColumn::name).toList();
    }

    public static TrainingData of(Table table, DatasetSchema schema, TrainModelParams params) {
        String where = "train_model";
        if (!table.containsColumn(params.target())) {
            throw new InputException(
                    where, OptionalLong.empty(), Optional.of(params.target()), "the target column does not exist");
        }
        Column<?> target = table.column(params.target());
        ColumnInfo targetInfo = schema.find(params.target())
                .filter(c -> c.type() == TableSchema.typeOf(target))
                .orElseGet(() -> TableSchema.describe(target, Optional.empty()));
        ModelTask task = params.taskFor(targetInfo);

        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < target.size(); row++) {
            if (!target.isMissing(row)) {
                kept.add(row);
            }
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        if (rows.length < MIN_ROWS) {
            throw new InputException(
                    where,
                    OptionalLong.empty(),
                    Optional.of(params.target()),
                    "a model needs at least " + MIN_ROWS + " rows with a target value; there "
                            + (rows.length == 1 ? "is " : "are ") + rows.length);
        }
        Table subset = rows.length == table.rowCount() ? table : table.rows(rows);

        FeatureSelection.Chosen chosen = FeatureSelection.choose(subset, schema, params.features(), params.target());
        if (chosen.names().isEmpty()) {
            throw new InputException(
                    where,
                    OptionalLong.empty(),
                    Optional.empty(),
                    "no column is left to learn from"
                            + (chosen.excluded().isEmpty()
                                    ? ""
                                    : ": "
                                            + String.join(
                                                    "; ",
                                                    chosen.excluded().stream()
                                                            .map(n -> n.column() + " " + n.reason())
                                                            .toList())));
        }
        List<RawColumn> features = new ArrayList<>();
        for (int f = 0; f < chosen.names().size(); f++) {
            features.add(RawColumn.read(
                    subset.column(chosen.names().get(f)), chosen.readings().get(f)));
        }
        Column<?> y = subset.column(params.target());
        int dropped = table.rowCount() - rows.length;
        if (task == ModelTask.CLASSIFICATION) {
            List<String> labels = sortedLabels(y);
            if (labels.size() < 2) {
                throw new InputException(
                        where,
                        OptionalLong.empty(),
                        Optional.of(params.target()),
                        "the target has a single value ('" + labels.getFirst() + "'): there is nothing to predict");
            }
            if (labels.size() > MAX_CLASSES) {
                throw new InputException(
                        where,
                        OptionalLong.empty(),
                        Optional.of(params.target()),
                        "the target has " + labels.size() + " different values; classification allows at most "
                                + MAX_CLASSES + " (use task regression for a numeric target)");
            }
            Map<String, Integer> code = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                code.put(labels.get(i), i);
            }
            int[] classes = new int[y.size()];
            for (int row = 0; row < classes.length; row++) {
                classes[row] = code.get(y.getString(row));
            }
            return new TrainingData(
                    task,
                    params.target(),
                    features,
                    chosen.readings(),
                    chosen.excluded(),
                    labels,
                    classes,
                    new double[0],
                    classes,
                    dropped);
        }
        if (!(y instanceof NumericColumn<?> numbers)) {
            throw new InputException(
                    where,
                    OptionalLong.empty(),
                    Optional.of(params.target()),
                    "regression needs a numeric target; the column holds "
                            + TableSchema.typeOf(y).wireName() + " values");
        }
        double[] values = new double[y.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = numbers.getDouble(row);
        }
        return new TrainingData(
                task,
                params.target(),
                features,
                chosen.readings(),
                chosen.excluded(),
                List.of(),
                new int[0],
                values,
                Splits.quantileStrata(values, 10),
                dropped);
    }

    private static List<String> sortedLabels(Column<?> y) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        Map<String, Double> numeric = new HashMap<>();
        for (int row = 0; row < y.size(); row++) {
            String label = y.getString(row);
            if (seen.add(label) && y instanceof NumericColumn<?> numbers) {
                numeric.put(label, numbers.getDouble(row));
            }
        }
        List<String> labels = new ArrayList<>(seen);
        labels.sort(y instanceof NumericColumn<?> ? Comparator.comparing(numeric::get) : Comparator.naturalOrder());
        return labels;
    }
}
