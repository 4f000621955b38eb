package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.dataset.DatasetSchema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@JsonClassDescription("Parameters of rename_columns.")
public record RenameColumnsParams(
        @NotNull
        @Size(min = 1, max = 1000)
        @JsonPropertyDescription("Each rename: from (an existing column) and to (its new name).")
        List<Rename> renames)
        implements ActionParams {

    /** One rename. */
    public record Rename(
            @NotNull @Size(min = 1, max = 256) @JsonPropertyDescription("The existing column.")
            String from,

            @NotNull @Size(min = 1, max = 128) @JsonPropertyDescription("The new name.")
            String to) {}

    public RenameColumnsParams {
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    @Override
    public void check(DatasetSchema schema, StepContext context, Problems problems) {
        Set<String> from = new HashSet<>();
        Set<String> to = new HashSet<>();
        for (Rename rename : renames) {
            problems.column("renames", rename.from(), schema);
            if (!from.add(rename.from())) {
                problems.add("renames", "column '" + rename.from() + "' is renamed twice");
            }
            if (!to.add(rename.to())) {
                problems.add("renames", "two columns would be named '" + rename.to() + "'");
            }
            if (rename.to().isBlank() || rename.to().chars().anyMatch(Character::isISOControl)) {
                problems.add("renames", "'" + rename.to() + "' is not a usable column name");
            }
        }
        for (Rename rename : renames) {
            if (schema.has(rename.to()) && !from.contains(rename.to())) {
                problems.add("renames", "column '" + rename.to() + "' already exists");
            }
        }
    }

    @Override
    public DatasetSchema project(DatasetSchema schema, StepContext context) {
        // Renames apply at once, so {a->b, b->a} swaps: go through placeholders that cannot collide.
        DatasetSchema result = schema;
        for (int i = 0; i < renames.size(); i++) {
            result = result.renamed(renames.get(i).from(), "\u0000" + i);
        }
        for (int i = 0; i < renames.size(); i++) {
            result = result.renamed("\u0000" + i, renames.get(i).to());
        }
        return result;
    }
}
