package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.Size;
import java.util.List;

@JsonClassDescription("Parameters of drop_duplicates. The first of each group of equal rows is kept.")
public record DropDuplicatesParams(
        @Size(max = 1000)
        @JsonPropertyDescription("Rows are duplicates when equal in these columns; [] means in every column.")
        List<String> columns)
        implements ActionParams {

    public DropDuplicatesParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema;
    }
}
