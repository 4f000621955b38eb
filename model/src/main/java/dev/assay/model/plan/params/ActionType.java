package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The whitelist: every action a plan may contain, declared once. Its parameters are the record named
 * here; validation, the LLM's JSON Schema, the CRD schema and the UI's types are all derived from it.
 * It lives beside the records because each names the other ({@link ActionParams#type()}); the plan, its schema
 * and its validation all build on this package and nothing here looks back up at them.
 */
public enum ActionType {
    @JsonProperty("drop_columns")
    DROP_COLUMNS("Drop columns", DropColumnsParams.class, "Remove the given columns."),
    @JsonProperty("impute")
    IMPUTE("Fill missing", ImputeParams.class, "Fill missing values (median, mean, mode, zero or a constant)."),
    @JsonProperty("cast")
    CAST("Convert type", CastParams.class, "Convert columns to another type (int, float, datetime, string, boolean)."),
    @JsonProperty("encode")
    ENCODE("Encode", EncodeParams.class, "Turn categorical columns into numbers (one-hot or label)."),
    @JsonProperty("scale")
    SCALE("Scale", ScaleParams.class, "Rescale numeric columns (standard score or min-max)."),
    @JsonProperty("feature_engineer")
    FEATURE_ENGINEER(
            "New feature",
            FeatureEngineerParams.class,
            "Add a column from a closed set of operations: arithmetic of two columns, log1p, bins, date parts, "
                    + "text length, regex extract."),
    @JsonProperty("train_model")
    TRAIN_MODEL(
            "Train model",
            TrainModelParams.class,
            "Train and evaluate a model that predicts the target column. Must be last."),
    @JsonProperty("drop_duplicates")
    DROP_DUPLICATES(
            "Drop duplicates",
            DropDuplicatesParams.class,
            "Remove repeated rows (optionally judged on some columns only)."),
    @JsonProperty("drop_missing_rows")
    DROP_MISSING_ROWS(
            "Drop incomplete rows",
            DropMissingRowsParams.class,
            "Remove rows with a missing value (in any or the given columns)."),
    @JsonProperty("rename_columns")
    RENAME_COLUMNS("Rename", RenameColumnsParams.class, "Rename columns."),
    @JsonProperty("clip_outliers")
    CLIP_OUTLIERS(
            "Clip outliers", ClipOutliersParams.class, "Clip extreme numeric values (IQR fences or percentiles).");

    private final String label;
    private final Class<? extends ActionParams> paramsType;
    private final String description;

    ActionType(String label, Class<? extends ActionParams> paramsType, String description) {
        this.label = label;
        this.paramsType = paramsType;
        this.description = description;
    }

    /** The action in an analyst's words, as the UI's buttons and chips and the HTML report name it. */
    public String label() {
        return label;
    }

    public Class<? extends ActionParams> paramsType() {
        return paramsType;
    }

    public String description() {
        return description;
    }

    /** The name used in JSON, for example {@code drop_columns}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    public static ActionType of(Class<? extends ActionParams> paramsType) {
        return Arrays.stream(values())
                .filter(t -> t.paramsType == paramsType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no action declares " + paramsType.getName()));
    }
}
