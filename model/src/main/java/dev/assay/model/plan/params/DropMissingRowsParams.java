package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.Size;
import java.util.List;

@JsonClassDescription("Parameters of drop_missing_rows.")
public record DropMissingRowsParams(
        @Size(max = 1000)
        @JsonPropertyDescription("Drop a row when one of these columns is missing; [] means any column.")
        List<String> columns)
        implements ActionParams {

    public DropMissingRowsParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public List<ColumnInfo> resolve(DatasetSchema schema) {
        return schema.namedOrMatching(columns, column -> true);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        return schema.with(resolve(schema).stream().map(c -> c.withMissing(0)).toList());
    }
}
