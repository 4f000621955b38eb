package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import jakarta.validation.constraints.Size;
import java.util.List;

@JsonClassDescription("Parameters of scale.")
public record ScaleParams(
        @Size(max = 1000)
        @JsonPropertyDescription("Numeric columns to scale; [] means every numeric column except identifiers and the "
                + "model's target.")
        List<String> columns,

        @JsonPropertyDescription("standard (mean 0, standard deviation 1) or minmax (0 to 1). Default standard.")
        ScaleMethod method)
        implements ActionParams {

    public ScaleParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
        method = method == null ? ScaleMethod.STANDARD : method;
    }

    /** The columns this step scales: the given ones, or every numeric, non-identifier column but the target. */
    public List<ColumnInfo> resolve(DatasetSchema schema, StepContext context) {
        return schema.namedOrMatching(columns, context::isNumericFeature);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        List<ColumnInfo> found = problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        problems.requireNumeric("columns", found, "scale needs numbers");
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema.with(resolve(schema, context).stream()
                .map(c -> c.withType(ColumnType.DECIMAL, VariableKind.NUMERIC))
                .toList());
    }
}
