package dev.assay.model.plan.params;

import dev.assay.model.dataset.DatasetSchema;

/**
 * The typed parameters of one action. Each record knows the rules that need the dataset: which columns it
 * may touch and what the dataset looks like afterwards. Shape rules (types, ranges, enums) are on the
 * record's components and reach the JSON Schema from there.
 */
public sealed interface ActionParams
        permits DropColumnsParams,
                ImputeParams,
                CastParams,
                EncodeParams,
                ScaleParams,
                FeatureEngineerParams,
                TrainModelParams,
                DropDuplicatesParams,
                DropMissingRowsParams,
                RenameColumnsParams,
                ClipOutliersParams {

    default ActionType type() {
        return ActionType.of(getClass());
    }

    /** Reports what is wrong with these parameters for a dataset of this schema. */
    void check(DatasetSchema schema, StepContext context, Problems problems);

    /** The schema after this step, as far as it is known without the data. Called only when check passed. */
    DatasetSchema project(DatasetSchema schema, StepContext context);
}
