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

    @Test
    void aFollowUpThatJoinsAStepKeepsTheColumnsThePlanAlreadyHadAndNarrowsOnlyWhatIsNew() {
        PlanStep fillBill =
                new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of("total_bill")));
        PlanStep model = new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "tip"));
        var request = new dev.assay.api.assistant.planning.PlanningRequest(
                "fill size too",
                RequestSet.profile("tips.csv"),
                null,
                new java.util.ArrayList<>(),
                new dev.assay.api.assistant.planning.Conversation(List.of(fillBill, model), List.of()));
        java.util.function.Function<List<String>, List<?>> checked = columns -> {
            var answer = new dev.assay.model.plan.Plan(
                    "",
                    List.of(new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", columns)), model));
            return (List<?>) ScopeCheck.apply(answer, request, new java.util.ArrayList<>())
                    .actions()
                    .getFirst()
                    .params()
                    .get("columns");
        };
        assertThat(checked.apply(List.of("total_bill", "size"))).isEqualTo(List.of("total_bill", "size"));
        // A column neither asked for now nor in the plan before is still taken out.
        assertThat(checked.apply(List.of("total_bill", "size", "tip"))).isEqualTo(List.of("total_bill", "size"));
    }

    @Test
    void whatTheWarningsSayOfANamedColumnIsTrueOfThePlan() {
        // A planner's model that learns from every column: a column the request named, or asked to leave out, is
        // still one of its inputs, so "not used" or "left out as asked" would be false.
        var request = new dev.assay.api.assistant.planning.PlanningRequest(
                "scale Fare, then predict Survived without Cabin", RequestSet.profile("titanic.csv"), null);
        var answer = new dev.assay.model.plan.Plan(
                "", List.of(new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "Survived"))));
        List<String> warnings = new java.util.ArrayList<>();
        ScopeCheck.apply(answer, request, warnings);
        assertThat(warnings)
                .noneMatch(w -> w.startsWith("Not used by the plan") || w.startsWith("Left out as asked"))
                .anyMatch(w -> w.contains("used only as one of the model's inputs") && w.contains("Fare"))
                .anyMatch(w -> w.startsWith("Asked to be left out, but this plan still uses Cabin"));
        // "Not the fare" inside a formula, and a target kept out of a scaling, were never asked to be left out.
        List<String> formula = new java.util.ArrayList<>();
        ScopeCheck.apply(
                new dev.assay.model.plan.Plan(
                        "",
                        List.of(new PlanStep(
                                ActionType.FEATURE_ENGINEER,
                                Map.of("operation", "subtract", "columns", List.of("total", "fare"))))),
                new dev.assay.api.assistant.planning.PlanningRequest(
                        "how much of the total is not the fare? total minus fare please",
                        RequestSet.profile("taxis.csv"),
                        null),
                formula);
        assertThat(formula).noneMatch(w -> w.contains("left out") || w.contains("Left out"));
        // A follow-up is answered by the steps it changes: the model, as it was, still learns from body mass.
        List<String> four = List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");
        PlanStep model = new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "species", "features", four));
        List<String> followUp = new java.util.ArrayList<>();
        ScopeCheck.apply(
                new dev.assay.model.plan.Plan(
                        "",
                        List.of(
                                new PlanStep(
                                        ActionType.SCALE, Map.of("method", "standard", "columns", four.subList(0, 3))),
                                model)),
                new dev.assay.api.assistant.planning.PlanningRequest(
                        "don't scale body mass",
                        RequestSet.profile("penguins.csv"),
                        null,
                        new java.util.ArrayList<>(),
                        new dev.assay.api.assistant.planning.Conversation(
                                List.of(
                                        new PlanStep(ActionType.SCALE, Map.of("method", "standard", "columns", four)),
                                        model),
                                List.of())),
                followUp);
        assertThat(followUp).noneMatch(w -> w.startsWith("Asked to be left out"));
    }
}
