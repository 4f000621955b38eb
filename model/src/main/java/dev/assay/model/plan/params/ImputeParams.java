package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

@JsonClassDescription("Parameters of impute.")
public record ImputeParams(
        @JsonPropertyDescription("median, mean, mode, zero or constant. Default median. With columns [] a numeric "
                + "strategy fills the numeric columns and the most frequent value fills the others.")
        ImputeStrategy strategy,

        @Size(max = 1000) @JsonPropertyDescription("Columns to fill; [] means every column that has missing values.")
        List<String> columns,

        @Size(max = 1000) @JsonPropertyDescription("The value to fill with; required with strategy constant.")
        String value,

        @JsonPropertyDescription("Before filling, add for each filled column a 0/1 column '<column>_missing' that is 1 "
                + "where the value was missing, so that a model can still tell invented values from measured ones. "
                + "Default false.")
        Boolean addIndicator)
        implements ActionParams {

    /** The suffix of a missing-indicator column. */
    public static final String INDICATOR_SUFFIX = "_missing";

    public ImputeParams {
        strategy = strategy == null ? ImputeStrategy.MEDIAN : strategy;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public ImputeParams(ImputeStrategy strategy, List<String> columns, String value) {
        this(strategy, columns, value, null);
    }

    public boolean indicator() {
        return Boolean.TRUE.equals(addIndicator);
    }

    public static String indicatorName(String column) {
        return column + INDICATOR_SUFFIX;
    }

    public Optional<String> constant() {
        return Optional.ofNullable(value);
    }

    /**
     * The columns this step fills: the given ones, or every column with missing values except the model's target
     * (a model must learn from measured targets only; train_model leaves rows without one out and says how many).
     */
    public List<ColumnInfo> resolve(DatasetSchema schema, StepContext context) {
        return schema.namedOrMatching(columns, c -> c.hasMissing() && !context.isTarget(c.name()));
    }

    /** The strategy used for one column: numeric strategies fall back to mode for non-numbers under []. */
    public ImputeStrategy strategyFor(ColumnInfo column) {
        return strategy.numericOnly() && !column.isNumeric() && columns.isEmpty() ? ImputeStrategy.MODE : strategy;
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        List<ColumnInfo> targets = problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        if (!columns.isEmpty() && strategy.numericOnly()) {
            problems.requireNumeric("columns", targets, strategy.wireName() + " needs numbers; use mode or constant");
        }
        if (strategy == ImputeStrategy.CONSTANT) {
            if (value == null) {
                problems.add("value", "strategy constant needs a value");
            } else {
                for (ColumnInfo column : resolve(schema, context)) {
                    if (column.isNumeric() && !isNumber(value)) {
                        problems.add(
                                "value",
                                "'" + value + "' is not a number, but column '" + column.name() + "' is "
                                        + column.type().wireName());
                    }
                }
            }
        } else if (value != null) {
            problems.add("value", "value is only used with strategy constant");
        }
        if (indicator()) {
            for (ColumnInfo column : resolve(schema, context)) {
                if (column.hasMissing() && schema.has(indicatorName(column.name()))) {
                    problems.add(
                            "add_indicator",
                            "column '" + indicatorName(column.name())
                                    + "' already exists; rename it first or leave add_indicator out");
                }
            }
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        List<ColumnInfo> filled = resolve(schema, context);
        List<ColumnInfo> changed = new java.util.ArrayList<>(
                filled.stream().map(c -> c.withMissing(0)).toList());
        if (indicator()) {
            filled.stream()
                    .filter(ColumnInfo::hasMissing)
                    .forEach(c -> changed.add(new ColumnInfo(
                            indicatorName(c.name()),
                            dev.assay.model.dataset.ColumnType.INTEGER,
                            dev.assay.model.dataset.VariableKind.BOOLEAN,
                            0,
                            2,
                            List.of())));
        }
        return schema.with(changed);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
