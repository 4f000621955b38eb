package dev.assay.runner.actions;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.params.StepContext;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.TableSchema;
import java.util.Optional;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What an action knows besides its parameters.
 *
 * @param index    the step's position in the plan (0-based), for messages
 * @param schema   the schema of the table the step receives, computed from the data itself: the same rules
 *                 ({@code columns: []} resolution) that validation applied to the projected schema
 * @param step     the plan context (the model's target, whether this is the last step)
 * @param config   engine limits and switches
 * @param progress for long steps (training)
 */
public record ActionContext(
        int index, DatasetSchema schema, StepContext step, EngineConfig config, ProgressListener progress) {

    /** For tests and one-off use: a single step on a table, with default settings. */
    public static ActionContext standalone(DatasetSchema schema) {
        return new ActionContext(0, schema, StepContext.standalone(), EngineConfig.defaults(), ProgressListener.NONE);
    }

    /** The column, or a clear error naming the step when it is not in the data. */
    public Column<?> require(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw failure(name, "the column does not exist in the data at this step");
        }
        return table.column(name);
    }

    /** The numeric column, or a clear error naming the step when it is missing or holds something else. */
    public NumericColumn<?> requireNumeric(Table table, String name) {
        Column<?> column = require(table, name);
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw failure(name, "the column holds " + TableSchema.typeOf(column).wireName() + " values, not numbers");
        }
        return numbers;
    }

    /** A problem with the data found while running: names the step and the column. */
    public InputException failure(String column, String message) {
        return new InputException(
                "actions[" + index + "]", java.util.OptionalLong.empty(), Optional.ofNullable(column), message);
    }
}
