package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.util.List;

@JsonClassDescription("Parameters of clip_outliers: values beyond the limits are set to the limits.")
public record ClipOutliersParams(
        @Size(max = 1000)
        @JsonPropertyDescription(
                "Numeric columns; [] means every numeric column except identifiers and the model's target.")
        List<String> columns,

        @JsonPropertyDescription(
                "iqr (Q1 - factor*IQR to Q3 + factor*IQR) or percentile (lower to upper quantile). Default iqr.")
        ClipMethod method,

        @DecimalMin("0.5") @DecimalMax("10") @JsonPropertyDescription("iqr only: the fence factor. Default 1.5.")
        Double factor,

        @DecimalMin("0")
        @DecimalMax("0.5")
        @JsonPropertyDescription("percentile only: the lower quantile. Default 0.01.")
        Double lower,

        @DecimalMin("0.5")
        @DecimalMax("1")
        @JsonPropertyDescription("percentile only: the upper quantile. Default 0.99.")
        Double upper)
        implements ActionParams {

    public ClipOutliersParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
        method = method == null ? ClipMethod.IQR : method;
    }

    public double fenceFactor() {
        return factor == null ? 1.5 : factor;
    }

    public double lowerQuantile() {
        return lower == null ? 0.01 : lower;
    }

    public double upperQuantile() {
        return upper == null ? 0.99 : upper;
    }

    public List<ColumnInfo> resolve(DatasetSchema schema, StepContext context) {
        return schema.namedOrMatching(columns, context::isNumericFeature);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        List<ColumnInfo> found = problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        problems.requireNumeric("columns", found, "clip_outliers needs numbers");
        if (method == ClipMethod.IQR && (lower != null || upper != null)) {
            problems.add(lower != null ? "lower" : "upper", "lower and upper are only used with method percentile");
        }
        if (method == ClipMethod.PERCENTILE && factor != null) {
            problems.add("factor", "factor is only used with method iqr");
        }
        if (lowerQuantile() >= upperQuantile()) {
            problems.add("lower", "lower must be below upper");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema;
    }
}
