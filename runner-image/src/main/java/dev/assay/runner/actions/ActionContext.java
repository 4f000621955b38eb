package dev.assay.runner.actions;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.params.StepContext;
import dev.assay.runner.engine.EngineConfig;
import dev.assay.runner.engine.InputException;
import dev.assay.runner.engine.ProgressListener;
import java.util.Optional;

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
public record ActionContext(int index, DatasetSchema schema, StepContext step, EngineConfig config,
                            ProgressListener progress) {

    /** For tests and one-off use: a single step on a table, with default settings. */
    public static ActionContext standalone(DatasetSchema schema) {
        return new ActionContext(0, schema, StepContext.standalone(), EngineConfig.defaults(), ProgressListener.NONE);
    }

    /** A problem with the data found while running: names the step and the column. */
    public InputException failure(String column, String message) {
        return new InputException("actions[" + index + "]", java.util.OptionalLong.empty(),
                Optional.ofNullable(column), message);
    }
}
