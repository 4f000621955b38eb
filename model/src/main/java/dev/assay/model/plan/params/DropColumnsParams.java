package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@JsonClassDescription("Parameters of drop_columns.")
public record DropColumnsParams(
        @NotNull @Size(min = 1, max = 1000) @JsonPropertyDescription("Columns to remove (at least one).")
        List<String> columns)
        implements ActionParams {

    public DropColumnsParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        if (!problems.isEmpty()) {
            return;
        }
        if (schema.columns().size() == columns.size()) {
            problems.add("columns", "this would remove every column");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema.without(columns);
    }
}
