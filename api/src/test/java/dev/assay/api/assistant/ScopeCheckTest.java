package dev.assay.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeCheckTest {

    private static final PlanStep EVERY_INPUT = new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "murder"));
    private static final PlanStep TWO_INPUTS =
            new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "murder", "features", List.of("single", "poverty")));

    @Test
    void aModelAskedForOnOnlySomeInputsThatLearnsFromEveryColumnIsFlagged() {
        for (String prompt : List.of(
                "predict murder using only the single-parent share and the poverty level",
                "murder from just those two, please",
                "a murder model based solely on poverty",
                "predict murder with poverty and single, nothing more",
                "murder from poverty and single - no other columns")) {
            assertThat(ScopeCheck.restrictedInputsNotRead(prompt, List.of(EVERY_INPUT)))
                    .as(prompt)
                    .hasValueSatisfying(w -> assertThat(w).contains("only some inputs"));
        }
    }

    @Test
    void noFlagWhenTheInputsWereReadOrNothingRestrictedThem() {
        assertThat(ScopeCheck.restrictedInputsNotRead(
                        "predict murder using only single and poverty", List.of(TWO_INPUTS)))
                .isEmpty();
        assertThat(ScopeCheck.restrictedInputsNotRead("predict murder", List.of(EVERY_INPUT)))
                .isEmpty();
        // "only" that restricts another step, not the model's inputs.
        assertThat(ScopeCheck.restrictedInputsNotRead(
                        "fill only the missing ages, then predict murder", List.of(EVERY_INPUT)))
                .isEmpty();
    }
}
