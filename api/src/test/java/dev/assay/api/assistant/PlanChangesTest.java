package dev.assay.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanChangesTest {

    private static PlanStep step(ActionType type, Map<String, Object> params) {
        return new PlanStep(type, new java.util.LinkedHashMap<>(params));
    }

    @Test
    void aChangedParameterIsSaidWithItsOldAndNewValue() {
        List<PlanStep> before =
                List.of(step(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of("Age"))));
        List<PlanStep> after = List.of(step(ActionType.IMPUTE, Map.of("strategy", "mean", "columns", List.of("Age"))));
        assertThat(PlanChanges.between(before, after)).containsExactly("changed impute: strategy: median → mean");
    }

    @Test
    void theSameStepsInAnotherOrderAreSaidAsTheNewOrder() {
        PlanStep scale = step(ActionType.SCALE, Map.of("columns", List.of("Age"), "method", "standard"));
        PlanStep dedupe = step(ActionType.DROP_DUPLICATES, Map.of("columns", List.of()));
        assertThat(PlanChanges.between(List.of(scale, dedupe), List.of(dedupe, scale)))
                .containsExactly("reordered the steps: 1. drop_duplicates, 2. scale on Age");
        assertThat(PlanChanges.between(List.of(scale, dedupe), List.of(scale, dedupe)))
                .isEmpty();
    }
}
