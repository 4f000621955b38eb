package dev.assay.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedInputsTest {

    private final DatasetSchema titanic = RequestSet.profile("titanic.csv").schema();

    private static Plan plan(PlanStep... steps) {
        return new Plan("", List.of(steps));
    }

    @Test
    void anInputOneHotEncodedEarlierIsTheColumnsTheEncodingMade() {
        List<String> warnings = new ArrayList<>();
        Plan answer = plan(
                new PlanStep(ActionType.ENCODE, Map.of("columns", List.of("Sex", "Embarked"))),
                new PlanStep(
                        ActionType.TRAIN_MODEL,
                        Map.of("target", "Survived", "features", List.of("Sex", "Pclass", "Fare"))));

        Plan fixed = EncodedInputs.apply(answer, titanic, warnings);

        assertThat(fixed.actions().get(1).params().get("features"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("Sex_female", "Sex_male", "Pclass", "Fare");
        assertThat(PlanValidator.check(fixed, titanic)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("Sex", "Sex_female", "Sex_male");
    }

    @Test
    void aPlanWhoseInputsExistIsLeftAsItIs() {
        List<String> warnings = new ArrayList<>();
        Plan answer = plan(
                new PlanStep(ActionType.ENCODE, Map.of("columns", List.of("Sex"), "method", "label")),
                new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "Survived", "features", List.of("Sex", "Age"))));

        assertThat(EncodedInputs.apply(answer, titanic, warnings)).isEqualTo(answer);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anInputDroppedEarlierIsNotReplacedByAnything() {
        List<String> warnings = new ArrayList<>();
        Plan answer = plan(
                new PlanStep(ActionType.DROP_COLUMNS, Map.of("columns", List.of("Fare"))),
                new PlanStep(ActionType.TRAIN_MODEL, Map.of("target", "Survived", "features", List.of("Fare", "Age"))));

        assertThat(EncodedInputs.apply(answer, titanic, warnings)).isEqualTo(answer);
        assertThat(warnings).isEmpty();
    }
}
