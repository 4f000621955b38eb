package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

@JsonClassDescription(
        "Parameters of cast. Values that cannot be converted become missing and are counted in the step log.")
public record CastParams(
        @NotNull @Size(min = 1, max = 1000) @JsonPropertyDescription("Columns to convert.")
        List<String> columns,

        @NotNull @JsonPropertyDescription("The new type: int, float, datetime, string or boolean.")
        CastTarget to,

        @Size(max = 64)
        @JsonPropertyDescription("Only for datetime: a date pattern such as yyyy-MM-dd HH:mm:ss or dd/MM/yyyy. "
                + "Without it common formats are recognised.")
        String format)
        implements ActionParams {

    public CastParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public Optional<String> datePattern() {
        return Optional.ofNullable(format).filter(f -> !f.isBlank());
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        if (datePattern().isPresent()) {
            if (to != CastTarget.DATETIME) {
                problems.add("format", "format is only used when casting to datetime");
            } else {
                try {
                    DateTimeFormatter.ofPattern(format);
                } catch (IllegalArgumentException e) {
                    problems.add("format", "'" + format + "' is not a date pattern: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        List<ColumnInfo> cast = columns.stream()
                .map(schema::find)
                .flatMap(Optional::stream)
                .map(c -> c.withType(to.columnType(), kindAfter(c)))
                .toList();
        return schema.with(cast);
    }

    private VariableKind kindAfter(ColumnInfo column) {
        if (to == CastTarget.STRING && column.kind() == VariableKind.TEXT) {
            return VariableKind.TEXT;
        }
        return to.kind();
    }
}
