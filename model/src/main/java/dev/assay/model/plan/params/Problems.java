package dev.assay.model.plan.params;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what is wrong with one step, by parameter name. */
public final class Problems {

    /** One problem: the parameter it concerns (may be empty for the step as a whole) and a sentence. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Looks up each named column; reports the ones that do not exist, with the closest existing name. */
    public List<ColumnInfo> columns(String field, List<String> names, DatasetSchema schema) {
        List<ColumnInfo> found = new ArrayList<>();
        for (String name : names) {
            column(field, name, schema).ifPresent(found::add);
        }
        return found;
    }

    public Optional<ColumnInfo> column(String field, String name, DatasetSchema schema) {
        Optional<ColumnInfo> column = schema.find(name);
        if (column.isEmpty()) {
            add(
                    field,
                    "column '" + name + "' does not exist"
                            + schema.closest(name)
                                    .map(c -> " (did you mean '" + c + "'?)")
                                    .orElse(""));
        }
        return column;
    }

    /** Reports each column that is not numeric. */
    public void requireNumeric(String field, List<ColumnInfo> columns, String why) {
        for (ColumnInfo column : columns) {
            if (!column.isNumeric()) {
                add(field, "column '" + column.name() + "' is " + column.type().wireName() + "; " + why);
            }
        }
    }

    public void requireDistinct(String field, List<String> names) {
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            if (seen.contains(name)) {
                add(field, "column '" + name + "' is listed twice");
            }
            seen.add(name);
        }
    }
}
