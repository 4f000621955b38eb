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
        @Size(max = 1000)
        @JsonPropertyDescription("Columns to fill; [] means every column that has missing values.")
        List<String> columns,
        @Size(max = 1000)
        @JsonPropertyDescription("The value to fill with; required with strategy constant.")
        String value) implements ActionParams {

    public ImputeParams {
        strategy = strategy == null ? ImputeStrategy.MEDIAN : strategy;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public Optional<String> constant() {
        return Optional.ofNullable(value);
    }

    /** The columns this step fills: the given ones, or every column with missing values. */
    public List<ColumnInfo> resolve(DatasetSchema schema) {
        return schema.namedOrMatching(columns, ColumnInfo::hasMissing);
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
                for (ColumnInfo column : resolve(schema)) {
                    if (column.isNumeric() && !isNumber(value)) {
                        problems.add("value", "'" + value + "' is not a number, but column '" + column.name()
                                + "' is " + column.type().wireName());
                    }
                }
            }
        } else if (value != null) {
            problems.add("value", "value is only used with strategy constant");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema.with(resolve(schema).stream().map(c -> c.withMissing(0)).toList());
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
