package dev.assay.runner.actions;

import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.runner.training.ModelTrainer;
import dev.assay.runner.training.TrainedModel;
import tech.tablesaw.api.Table;

/** train_model: trains and evaluates a model; the table passes through unchanged. */
final class TrainModelAction implements DataAction<TrainModelParams> {

    @Override
    public Table apply(Table table, TrainModelParams params, ActionContext context, ActionLog log) {
        TrainedModel trained = new ModelTrainer(context.config().maxOneHotCategories())
                .train(table, context.schema(), params, context.progress());
        log.param("task", trained.report().task().wireName());
        log.param("model", trained.report().algorithm().wireName());
        log.param("features", trained.report().features());
        trained.report().warnings().forEach(log::warn);
        log.trained(trained);
        return table;
    }
}
