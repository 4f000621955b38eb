package dev.assay.model.plan.params;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.VariableKind;
import java.util.Optional;

/**
 * What a step may know of the plan around it.
 *
 * @param target the target column of the plan's train_model, if any: "every column" never includes it
 * @param last   whether this is the plan's last step
 */
public record StepContext(Optional<String> target, boolean last) {

    public static StepContext standalone() {
        return new StepContext(Optional.empty(), true);
    }

    public boolean isTarget(String column) {
        return target.filter(column::equals).isPresent();
    }

    /** A numeric measurement (not an identifier, not a code) other than the target: what scaling and clipping mean. */
    public boolean isNumericFeature(ColumnInfo column) {
        return column.isNumeric() && column.kind() == VariableKind.NUMERIC && !isTarget(column.name());
    }
}
