package dev.assay.runner.apply;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.json.Json;
import dev.assay.model.plan.params.ActionParams;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.plan.validation.ValidatedAction;
import dev.assay.model.plan.validation.ValidatedPlan;
import dev.assay.model.result.StepLog;
import dev.assay.runner.actions.ActionContext;
import dev.assay.runner.actions.ActionLog;
import dev.assay.runner.actions.Actions;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.TableSchema;
import dev.assay.runner.training.TrainedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Runs a validated plan on a table, step by step, and measures what each step did. Before each step the
 * schema is recomputed from the data, with the kinds that validation assumed, so that {@code columns: []}
 * resolves at run time exactly as it did when the plan was checked.
 */
public final class PlanRunner {

    /** Training takes this many times the share of progress of any other step. */
    private static final int TRAINING_WEIGHT = 10;

    private final EngineConfig config;

    public PlanRunner(EngineConfig config) {
        this.config = config;
    }

    /** The table after the plan, the log of each step and the model when the plan trained one. */
    public record Outcome(Table table, List<StepLog> steps, Optional<TrainedModel> model) {}

    /**
     * @param schema the schema the plan was validated against (the profile's), for the columns' kinds
     */
    public Outcome run(Table input, ValidatedPlan plan, DatasetSchema schema, ProgressListener progress) {
        List<ValidatedAction> actions = plan.actions();
        int totalWeight = actions.stream().mapToInt(a -> weight(a.params())).sum();
        int doneWeight = 0;
        Table table = input;
        DatasetSchema known = schema;
        List<StepLog> steps = new ArrayList<>();
        TrainedModel model = null;
        for (ValidatedAction action : actions) {
            int from = 100 * doneWeight / Math.max(1, totalWeight);
            doneWeight += weight(action.params());
            int to = 100 * doneWeight / Math.max(1, totalWeight);
            ProgressListener stepProgress = progress.slice(from, to);
            stepProgress.update(
                    0, action.type().wireName() + " (step " + (action.index() + 1) + " of " + actions.size() + ")");

            DatasetSchema live = TableSchema.of(table, known);
            ActionContext context = new ActionContext(action.index(), live, action.context(), config, stepProgress);
            ActionLog log = new ActionLog();
            List<Column<?>> before = List.copyOf(table.columns());
            int rowsBefore = table.rowCount();
            long missingBefore = TableSchema.missingCells(table);
            long start = System.nanoTime();

            Table working = Table.create(table.name(), before.toArray(Column<?>[]::new));
            Table after = Actions.apply(working, action.params(), context, log);

            steps.add(stepLog(
                    action, log, before, rowsBefore, missingBefore, after, (System.nanoTime() - start) / 1_000_000));
            if (log.model().isPresent()) {
                model = log.model().get();
            }
            // The kinds the next step assumes: what validation projected from this step's input.
            known = action.params().project(live, action.context());
            table = after;
            stepProgress.update(100, action.type().wireName() + " done");
        }
        return new Outcome(table, steps, Optional.ofNullable(model));
    }

    private static int weight(ActionParams params) {
        return params instanceof TrainModelParams ? TRAINING_WEIGHT : 1;
    }

    private static StepLog stepLog(
            ValidatedAction action,
            ActionLog log,
            List<Column<?>> before,
            int rowsBefore,
            long missingBefore,
            Table after,
            long millis) {
        Map<String, Column<?>> beforeByName = new LinkedHashMap<>();
        before.forEach(c -> beforeByName.put(c.name(), c));
        Map<String, String> renamedFrom = new HashMap<>();
        log.renames().forEach((from, to) -> renamedFrom.put(to, from));

        List<String> added = new ArrayList<>();
        long cellsChanged = 0;
        Map<String, Long> byColumn = new LinkedHashMap<>();
        for (Column<?> column : after.columns()) {
            String origin = renamedFrom.getOrDefault(column.name(), column.name());
            Column<?> previous = beforeByName.get(origin);
            if (previous == null) {
                added.add(column.name());
            } else if (previous != column && after.rowCount() == rowsBefore) {
                long changed = differences(previous, column);
                cellsChanged += changed;
                if (changed > 0) {
                    byColumn.put(column.name(), changed);
                }
            }
        }
        List<String> afterOrigins = after.columns().stream()
                .map(c -> renamedFrom.getOrDefault(c.name(), c.name()))
                .toList();
        List<String> removed = beforeByName.keySet().stream()
                .filter(n -> !afterOrigins.contains(n))
                .toList();

        @SuppressWarnings("unchecked")
        Map<String, Object> params = new LinkedHashMap<>(Json.mapper().convertValue(action.params(), Map.class));
        params.putAll(log.resolved());
        return new StepLog(
                action.index(),
                action.type(),
                params,
                rowsBefore,
                after.rowCount(),
                before.size(),
                after.columnCount(),
                cellsChanged,
                missingBefore,
                TableSchema.missingCells(after),
                added,
                removed,
                log.warnings(),
                millis,
                byColumn);
    }

    /** Cells whose value differs (missing counts as a value): numbers compared as numbers, the rest as text. */
    private static long differences(Column<?> a, Column<?> b) {
        long changed = 0;
        boolean numeric = a instanceof NumericColumn<?> && b instanceof NumericColumn<?>;
        for (int row = 0; row < a.size(); row++) {
            boolean missingA = a.isMissing(row);
            boolean missingB = b.isMissing(row);
            if (missingA || missingB) {
                changed += missingA == missingB ? 0 : 1;
            } else if (numeric) {
                changed += ((NumericColumn<?>) a).getDouble(row) == ((NumericColumn<?>) b).getDouble(row) ? 0 : 1;
            } else {
                changed += a.getString(row).equals(b.getString(row)) ? 0 : 1;
            }
        }
        return changed;
    }
}
