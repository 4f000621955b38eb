package dev.assay.runner.actions;

import dev.assay.model.plan.params.ActionParams;
import dev.assay.model.plan.params.CastParams;
import dev.assay.model.plan.params.ClipOutliersParams;
import dev.assay.model.plan.params.DropColumnsParams;
import dev.assay.model.plan.params.DropDuplicatesParams;
import dev.assay.model.plan.params.DropMissingRowsParams;
import dev.assay.model.plan.params.EncodeParams;
import dev.assay.model.plan.params.FeatureEngineerParams;
import dev.assay.model.plan.params.ImputeParams;
import dev.assay.model.plan.params.RenameColumnsParams;
import dev.assay.model.plan.params.ScaleParams;
import dev.assay.model.plan.params.TrainModelParams;
import tech.tablesaw.api.Table;

/**
 * The one registry of actions. The switch is over the sealed {@link ActionParams}, so an action type added
 * to the whitelist in {@code model/} does not compile until it has an implementation here.
 */
public final class Actions {

    private static final DropColumnsAction DROP_COLUMNS = new DropColumnsAction();
    private static final ImputeAction IMPUTE = new ImputeAction();
    private static final CastAction CAST = new CastAction();
    private static final EncodeAction ENCODE = new EncodeAction();
    private static final ScaleAction SCALE = new ScaleAction();
    private static final FeatureEngineerAction FEATURE_ENGINEER = new FeatureEngineerAction();
    private static final TrainModelAction TRAIN_MODEL = new TrainModelAction();
    private static final DropDuplicatesAction DROP_DUPLICATES = new DropDuplicatesAction();
    private static final DropMissingRowsAction DROP_MISSING_ROWS = new DropMissingRowsAction();
    private static final RenameColumnsAction RENAME_COLUMNS = new RenameColumnsAction();
    private static final ClipOutliersAction CLIP_OUTLIERS = new ClipOutliersAction();

    private Actions() {}

    /** Runs the action that these parameters belong to. */
    public static Table apply(Table table, ActionParams params, ActionContext context, ActionLog log) {
        return switch (params) {
            case DropColumnsParams p -> DROP_COLUMNS.apply(table, p, context, log);
            case ImputeParams p -> IMPUTE.apply(table, p, context, log);
            case CastParams p -> CAST.apply(table, p, context, log);
            case EncodeParams p -> ENCODE.apply(table, p, context, log);
            case ScaleParams p -> SCALE.apply(table, p, context, log);
            case FeatureEngineerParams p -> FEATURE_ENGINEER.apply(table, p, context, log);
            case TrainModelParams p -> TRAIN_MODEL.apply(table, p, context, log);
            case DropDuplicatesParams p -> DROP_DUPLICATES.apply(table, p, context, log);
            case DropMissingRowsParams p -> DROP_MISSING_ROWS.apply(table, p, context, log);
            case RenameColumnsParams p -> RENAME_COLUMNS.apply(table, p, context, log);
            case ClipOutliersParams p -> CLIP_OUTLIERS.apply(table, p, context, log);
        };
    }
}
