package dev.assay.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ImputeParams;
import dev.assay.model.plan.params.ImputeStrategy;
import dev.assay.model.plan.params.StepContext;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.ValidatedPlan;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private static final String SEED_PLAN = """
            {
              "explanation": "Impute missing values, encode Sex, train a classifier on Survived.",
              "actions": [
                {"type": "impute", "params": {"strategy": "median", "columns": []}},
                {"type": "encode", "params": {"columns": ["Sex"], "method": "onehot"}},
                {"type": "train_model", "params": {"task": "classification", "target": "Survived", "model": "random_forest"}}
              ]
            }""";

    private final DatasetSchema titanic = Schemas.titanic();

    @Test
    void seedPlanIsValidAndImputeEverythingMeansTheColumnsWithMissingValues() {
        ValidatedPlan plan = PlanValidator.validate(PlanReader.read(SEED_PLAN), titanic);

        assertThat(plan.actions()).hasSize(3);
        ImputeParams impute = (ImputeParams) plan.actions().getFirst().params();
        assertThat(impute.resolve(titanic, plan.actions().getFirst().context()))
                .extracting(ColumnInfo::name)
                .containsExactly("Age", "Cabin", "Embarked");
        assertThat(impute.strategyFor(titanic.find("Age").orElseThrow())).isEqualTo(ImputeStrategy.MEDIAN);
        assertThat(impute.strategyFor(titanic.find("Embarked").orElseThrow())).isEqualTo(ImputeStrategy.MODE);
        assertThat(plan.expected().names()).contains("Sex_male", "Sex_female").doesNotContain("Sex");
        assertThat(plan.expected().find("Age").orElseThrow().missing()).isZero();
    }

    @Test
    void unknownColumnNamesTheStepTheFieldAndTheClosestColumn() {
        List<PlanError> errors = PlanValidator.check(plan(step("drop_columns", """
                {"columns": ["Cabin", "Ticekt"]}""")), titanic);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.actionIndex()).isEqualTo(OptionalInt.of(0));
            assertThat(e.action()).isEqualTo("drop_columns");
            assertThat(e.field()).isEqualTo("columns");
            assertThat(e.message()).contains("'Ticekt' does not exist").contains("did you mean 'Ticket'");
        });
    }

    @Test
    void scalingTextIsRefused() {
        List<PlanError> errors = PlanValidator.check(plan(step("scale", """
                {"columns": ["Name"], "method": "standard"}""")), titanic);

        assertThat(errors)
                .extracting(PlanError::describe)
                .containsExactly("actions[0] (scale) columns: column 'Name' is string; scale needs numbers");
    }

    @Test
    void unknownStrategyAndUnknownParameterAreShapeErrors() {
        List<PlanError> errors = PlanValidator.check(plan(step("impute", """
                        {"strategy": "average", "columns": []}"""), step("drop_duplicates", """
                        {"columns": [], "keep": "last"}""")), titanic);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).field()).isEqualTo("strategy");
        assertThat(errors.get(0).message()).contains("median");
        assertThat(errors.get(1).actionIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(errors.get(1).field()).isEqualTo("keep");
    }

    @Test
    void outOfRangeParameterIsRefused() {
        List<PlanError> errors = PlanValidator.check(plan(step("train_model", """
                {"target": "Survived", "cv_folds": 50}""")), titanic);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("cv_folds");
            assertThat(e.message()).contains("10");
        });
    }

    @Test
    void missingTargetAndTrainingBeforeOtherStepsAreRefused() {
        List<PlanError> errors =
                PlanValidator.check(plan(step("train_model", """
                        {"target": "Survival"}"""), step("drop_columns", """
                        {"columns": ["Cabin"]}""")), titanic);

        assertThat(errors)
                .extracting(PlanError::message)
                .anySatisfy(m -> assertThat(m).contains("must be the last action"))
                .anySatisfy(
                        m -> assertThat(m).contains("'Survival' does not exist").contains("Survived"));
    }

    @Test
    void droppingTheTargetBeforeTrainingIsCaughtAtTheTrainingStep() {
        List<PlanError> errors =
                PlanValidator.check(plan(step("drop_columns", """
                        {"columns": ["Survived"]}"""), step("train_model", """
                        {"target": "Survived"}""")), titanic);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.actionIndex()).isEqualTo(OptionalInt.of(1));
            assertThat(e.field()).isEqualTo("target");
        });
    }

    @Test
    void laterStepsSeeRenamedAndEncodedColumns() {
        Plan renamed = plan(step("rename_columns", """
                        {"renames": [{"from": "SibSp", "to": "siblings_spouses"}]}"""), step("encode", """
                        {"columns": ["Embarked"], "method": "onehot"}"""), step("feature_engineer", """
                        {"operation": "add", "columns": ["siblings_spouses", "Embarked_S"], "new_column": "x"}"""));
        assertThat(PlanValidator.check(renamed, titanic)).isEmpty();

        Plan stale = plan(step("rename_columns", """
                        {"renames": [{"from": "SibSp", "to": "siblings_spouses"}]}"""), step("scale", """
                        {"columns": ["SibSp"]}"""));
        assertThat(PlanValidator.check(stale, titanic))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'SibSp' does not exist"));
    }

    @Test
    void encodeAndScaleWithNoColumnsLeaveTheTargetAlone() {
        ValidatedPlan plan = PlanValidator.validate(
                plan(step("encode", """
                        {"columns": [], "method": "label"}"""), step("scale", """
                        {"columns": []}"""), step("train_model", """
                        {"target": "Fare"}""")), titanic);

        var scale =
                (dev.assay.model.plan.params.ScaleParams) plan.actions().get(1).params();
        StepContext context = plan.actions().get(1).context();
        assertThat(scale.resolve(titanic, context))
                .extracting(ColumnInfo::name)
                .contains("Age", "Pclass")
                .doesNotContain("Fare", "PassengerId", "Name");
    }

    @Test
    void namedTextColumnsMayBeImputedWithModeButNotWithMedian() {
        assertThat(PlanValidator.check(plan(step("impute", """
                {"strategy": "mode", "columns": ["Embarked", "Age"]}""")), titanic)).isEmpty();

        assertThat(PlanValidator.check(plan(step("impute", """
                {"strategy": "median", "columns": ["Embarked"]}""")), titanic))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.message()).contains("'Embarked' is string").contains("use mode or constant"));
    }

    @Test
    void regexPatternsAreCheckedAsRe2() {
        List<PlanError> errors = PlanValidator.check(plan(step("feature_engineer", """
                {"operation": "regex_extract", "columns": ["Name"], "pattern": "(a+)+\\\\1"}""")), titanic);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("pattern");
            assertThat(e.message()).contains("not a valid RE2 pattern");
        });
    }

    @Test
    void unknownActionTypeIsRefusedWhenReadWithTheAllowedList() {
        assertThatThrownBy(() -> PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "impute", "params": {}}, {"type": "run_python", "params": {"code": "import os"}}]}""")).isInstanceOfSatisfying(PlanValidationException.class, e -> {
            PlanError error = e.errors().getFirst();
            assertThat(error.actionIndex()).isEqualTo(OptionalInt.of(1));
            assertThat(error.field()).isEqualTo("type");
            assertThat(error.message())
                    .contains("'run_python' is not an action")
                    .contains("drop_columns");
        });
    }

    @Test
    void shapeChecksNeedNoDataButCatchBadParamsAndTrainingNotLast() {
        assertThat(PlanValidator.checkShape(PlanReader.read(SEED_PLAN))).isEmpty();
        List<PlanError> errors = PlanValidator.checkShape(plan(step("train_model", """
                        {"target": "anything"}"""), step("impute", """
                        {"strategy": "average"}""")));
        assertThat(errors)
                .extracting(PlanError::describe)
                .anySatisfy(d -> assertThat(d).contains("train_model must be the last action"))
                .anySatisfy(d -> assertThat(d).startsWith("actions[1] (impute) strategy"));
    }

    @Test
    void emptyPlanIsRefused() {
        assertThat(PlanValidator.check(new Plan("nothing", List.of()), titanic))
                .extracting(PlanError::message)
                .containsExactly("the plan has no actions");
    }

    private static Plan plan(PlanStep... steps) {
        return new Plan("test", List.of(steps));
    }

    @SuppressWarnings("unchecked")
    private static PlanStep step(String type, String paramsJson) {
        try {
            return new PlanStep(
                    ActionType.fromWireName(type).orElseThrow(),
                    dev.assay.model.json.Json.mapper().readValue(paramsJson, java.util.Map.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void anEmptyStepIsRefusedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Plan(
                        "",
                        java.util.Arrays.asList(new PlanStep(ActionType.DROP_DUPLICATES, java.util.Map.of()), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actions[1] is empty; give each step a type and params");
    }
}
