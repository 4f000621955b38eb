package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

@JsonClassDescription("Parameters of encode.")
public record EncodeParams(
        @Size(max = 1000)
        @JsonPropertyDescription("Columns to encode; [] means every categorical column except the model's target.")
        List<String> columns,

        @JsonPropertyDescription("onehot (one 0/1 column per category) or label (one integer code). Default onehot.")
        EncodeMethod method,

        @Min(1)
        @Max(MAX_CATEGORIES_LIMIT)
        @JsonPropertyDescription("onehot only: at most this many new columns per column; rarer categories go to "
                + "<column>_other. Default 20.")
        Integer maxCategories)
        implements ActionParams {

    public static final int DEFAULT_MAX_CATEGORIES = 20;
    public static final int MAX_CATEGORIES_LIMIT = 200;

    public EncodeParams {
        columns = columns == null ? List.of() : List.copyOf(columns);
        method = method == null ? EncodeMethod.ONEHOT : method;
    }

    public int categoryCap() {
        return maxCategories == null ? DEFAULT_MAX_CATEGORIES : maxCategories;
    }

    /** The columns this step encodes: the given ones, or every categorical column but the target. */
    public List<ColumnInfo> resolve(DatasetSchema schema, StepContext context) {
        return schema.namedOrMatching(
                columns,
                c -> (c.kind() == VariableKind.CATEGORICAL
                                || (c.kind() == VariableKind.BOOLEAN && c.type() == ColumnType.STRING))
                        && !context.isTarget(c.name()));
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        problems.columns("columns", columns, schema);
        problems.requireDistinct("columns", columns);
        if (maxCategories != null && method != EncodeMethod.ONEHOT) {
            problems.add("max_categories", "max_categories is only used with method onehot");
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        List<ColumnInfo> encoded = resolve(schema, context);
        if (method == EncodeMethod.LABEL) {
            return schema.with(encoded.stream()
                    .map(c -> new ColumnInfo(
                            c.name(), ColumnType.INTEGER, VariableKind.NUMERIC, c.missing(), c.distinct(), List.of()))
                    .toList());
        }
        DatasetSchema result =
                schema.without(encoded.stream().map(ColumnInfo::name).toList());
        List<ColumnInfo> added = new ArrayList<>();
        for (ColumnInfo column : encoded) {
            if (column.categories().isEmpty()) {
                result = result.withDerivedPrefix(column.name() + "_");
                continue;
            }
            column.categories().stream()
                    .limit(categoryCap())
                    .forEach(category -> added.add(
                            ColumnInfo.of(column.name() + "_" + category, ColumnType.INTEGER, VariableKind.NUMERIC)));
            if (column.categories().size() > categoryCap()) {
                added.add(ColumnInfo.of(column.name() + "_other", ColumnType.INTEGER, VariableKind.NUMERIC));
            }
        }
        return result.with(added);
    }
}
