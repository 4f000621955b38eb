package dev.assay.runner.actions;

import dev.assay.model.plan.params.ActionParams;
import tech.tablesaw.api.Table;

/**
 * One whitelisted action, run on a table. Implementations are small, stateless and registered once, in
 * {@link Actions}.
 *
 * <p>Contract: an action may restructure the table it is given (add, remove, rename, reorder columns, keep a
 * subset of rows) but never changes the values inside a column object it did not create: it replaces the column
 * instead. The pipeline relies on this to compare a step's input with its output and count the cells changed.
 *
 * @param <P> the action's parameter record, declared in {@code model/}
 */
public interface DataAction<P extends ActionParams> {

    /**
     * Runs the action.
     *
     * @param table   the data as the previous step left it
     * @param params  the validated parameters
     * @param context the live schema, the plan context and the engine settings
     * @param log     where the action records what it resolved and what the user should know
     * @return the resulting table (may be {@code table} itself)
     * @throws dev.assay.runner.core.InputException when the data cannot be used as asked
     */
    Table apply(Table table, P params, ActionContext context, ActionLog log);
}
