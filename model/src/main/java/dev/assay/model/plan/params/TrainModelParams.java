package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

@JsonClassDescription("Parameters of train_model. Missing values and categories the plan left are handled inside "
        + "the model's own pipeline, fitted on training rows only.")
public record TrainModelParams(
        @JsonPropertyDescription("classification or regression. Default: inferred from the target.")
        ModelTask task,

        @NotNull @Size(min = 1, max = 256) @JsonPropertyDescription("The column to predict.")
        String target,

        @JsonPropertyDescription(
                "random_forest, gradient_boosting, logistic_regression (classification), "
                        + "linear_regression (regression), decision_tree, or auto (compare several by cross-validation). Default auto.")
        ModelAlgorithm model,

        @Size(max = 1000)
        @JsonPropertyDescription("Feature columns; [] means every other column (identifier-like columns are left out).")
        List<String> features,

        @DecimalMin("0.1")
        @DecimalMax("0.5")
        @JsonPropertyDescription("Share of rows held out for testing. Default 0.2.")
        Double testSize,

        @Min(2) @Max(10) @JsonPropertyDescription("Number of cross-validation folds. Default 5.")
        Integer cvFolds)
        implements ActionParams {

    public static final double DEFAULT_TEST_SIZE = 0.2;
    public static final int DEFAULT_CV_FOLDS = 5;
    /** A numeric target with at most this many distinct values is taken to be classes. */
    public static final int MAX_CLASSES_INFERRED = 20;

    public TrainModelParams {
        model = model == null ? ModelAlgorithm.AUTO : model;
        features = features == null ? List.of() : List.copyOf(features);
    }

    public double holdoutShare() {
        return testSize == null ? DEFAULT_TEST_SIZE : testSize;
    }

    public int folds() {
        return cvFolds == null ? DEFAULT_CV_FOLDS : cvFolds;
    }

    /** The task: as given, or classification unless the target is numeric with many distinct values. */
    public ModelTask taskFor(ColumnInfo targetColumn) {
        if (task != null) {
            return task;
        }
        if (model.onlyFor().isPresent()) {
            return model.onlyFor().get();
        }
        boolean manyNumbers = targetColumn.isNumeric()
                && targetColumn.kind() != VariableKind.BOOLEAN
                && (targetColumn.distinct() == 0 || targetColumn.distinct() > MAX_CLASSES_INFERRED);
        return manyNumbers ? ModelTask.REGRESSION : ModelTask.CLASSIFICATION;
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        if (!context.last()) {
            problems.add("", "train_model must be the last action of the plan");
        }
        Optional<ColumnInfo> targetColumn = problems.column("target", target, schema);
        List<ColumnInfo> featureColumns = problems.columns("features", features, schema);
        problems.requireDistinct("features", features);
        if (features.contains(target)) {
            problems.add("features", "the target '" + target + "' cannot also be a feature");
        }
        if (targetColumn.isEmpty()) {
            return;
        }
        ModelTask resolved = taskFor(targetColumn.get());
        if (!model.supports(resolved)) {
            problems.add(
                    "model",
                    model.wireName() + " does " + model.onlyFor().orElseThrow().wireName() + ", but the task is "
                            + resolved.wireName());
        }
        if (resolved == ModelTask.REGRESSION && !targetColumn.get().isNumeric()) {
            problems.add(
                    "task",
                    "regression needs a numeric target; '" + target + "' is "
                            + targetColumn.get().type().wireName());
        }
        if (features.isEmpty() && schema.columns().size() < 2) {
            problems.add("features", "there is no column left to learn from");
        }
        if (!features.isEmpty() && featureColumns.isEmpty()) {
            problems.add("features", "none of the features exist");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema;
    }
}
