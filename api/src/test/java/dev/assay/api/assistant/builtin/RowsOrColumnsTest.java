package dev.assay.api.assistant.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.assistant.RequestSet;
import dev.assay.api.assistant.planning.Conversation;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: what a removal removes. Rows said by what they are ("the cars", "penguins") and what they lack are rows,
 * never the column they lack; a column and rows removed in one breath are two steps; a fill's "and" never reaches
 * into the model after it. Each of these was a valid-looking plan that did something else, seen in a trust check.
 */
class RowsOrColumnsTest {

    private final BuiltInPlanner planner = new BuiltInPlanner();

    private List<PlanStep> steps(String dataset, String prompt) {
        return planner.plan(new PlanningRequest(
                        prompt, RequestSet.profile(dataset), null, new ArrayList<>(), Conversation.none()))
                .plan()
                .actions();
    }

    @Test
    void thingsLackingAValueAreRowsNeverTheColumn() {
        for (String[] said : List.of(
                new String[] {"mpg.csv", "remove the cars with missing horsepower", "horsepower"},
                new String[] {"penguins.csv", "throw away penguins with an unknown sex", "sex"},
                new String[] {"taxis.csv", "get rid of the rides with an unknown payment type", "payment"},
                new String[] {"titanic.csv", "eliminate passengers having no Embarked value", "Embarked"})) {
            assertThat(steps(said[0], said[1])).as(said[1]).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                assertThat(s.params().get("columns")).isEqualTo(List.of(said[2]));
            });
        }
        // A column word keeps the removal on columns.
        assertThat(steps("fertility.csv", "remove the columns that have no values at all"))
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(ActionType.DROP_COLUMNS));
    }

    @Test
    void aColumnAndRowsRemovedInOneBreathAreTwoSteps() {
        assertThat(steps("titanic.csv", "drop the Ticket column and any rows missing Embarked"))
                .satisfiesExactly(
                        s -> {
                            assertThat(s.type()).isEqualTo(ActionType.DROP_COLUMNS);
                            assertThat(s.params().get("columns")).isEqualTo(List.of("Ticket"));
                        },
                        s -> {
                            assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                            assertThat(s.params().get("columns")).isEqualTo(List.of("Embarked"));
                        });
        // Rows on both sides stay one step on both columns.
        assertThat(steps("titanic.csv", "drop rows missing Age and rows missing Embarked"))
                .allSatisfy(s -> assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS));
    }

    @Test
    void aFillsAndNeverReachesIntoTheModelAfterIt() {
        assertThat(steps(
                        "mpg.csv",
                        "impute horsepower with the median and then model mpg from weight and horsepower with 5 folds"))
                .satisfiesExactly(
                        s -> {
                            assertThat(s.type()).isEqualTo(ActionType.IMPUTE);
                            assertThat(s.params().get("columns")).isEqualTo(List.of("horsepower"));
                        },
                        s -> {
                            assertThat(s.type()).isEqualTo(ActionType.TRAIN_MODEL);
                            assertThat(s.params().get("features")).isEqualTo(List.of("weight", "horsepower"));
                            assertThat(s.params().get("cv_folds")).isEqualTo(5);
                        });
        // Two fills sharing one verb are still two fills, each with its own way.
        assertThat(steps("titanic.csv", "fill Age with the median and Embarked with the mode"))
                .extracting(s -> s.params().get("strategy"))
                .containsExactly("median", "mode");
    }

    @Test
    void aValueSaidNotToBeRecordedIsAMissingValue() {
        for (String[] said : List.of(
                new String[] {"titanic.csv", "drop passengers whose age isn't known", "Age"},
                new String[] {"taxis.csv", "remove rides whose payment hasn't been recorded", "payment"},
                new String[] {"penguins.csv", "discard the birds whose sex was never recorded", "sex"})) {
            assertThat(steps(said[0], said[1])).as(said[1]).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(ActionType.DROP_MISSING_ROWS);
                assertThat(s.params().get("columns")).isEqualTo(List.of(said[2]));
            });
        }
    }

    @Test
    void anInputToLeaveOutThatNamesNoColumnIsAskedAbout() {
        PlannerAnswerSteps answer =
                answer("penguins.csv", "predict body mass from everything except the species and where they live");
        assertThat(answer.steps()).isEmpty();
        assertThat(answer.warnings()).anyMatch(w -> w.contains("where they live"));
        // Words beside a column's name describe it and are no item of their own.
        assertThat(steps("mpg.csv", "predict mpg from every other column except the car name and the origin"))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get("features"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .doesNotContain("name", "origin", "mpg")
                        .contains("weight"));
    }

    private record PlannerAnswerSteps(List<PlanStep> steps, List<String> warnings) {}

    private PlannerAnswerSteps answer(String dataset, String prompt) {
        var answer = planner.plan(
                new PlanningRequest(prompt, RequestSet.profile(dataset), null, new ArrayList<>(), Conversation.none()));
        return new PlannerAnswerSteps(answer.plan().actions(), answer.warnings());
    }
}
