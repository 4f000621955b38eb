package dev.assay.model.plan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.params.ActionType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warnings' advice is read by analysts under "Better:" on the plan card and in the report: it names actions and
 * options by the screens' words (Drop columns, Add indicator), never by the plan's JSON names.
 */
class WarningWordsTest {

    private static final DatasetSchema SCHEMA = new DatasetSchema(
            List.of(
                    new ColumnInfo("Fare", ColumnType.DECIMAL, VariableKind.NUMERIC, 10, 248, List.of()),
                    new ColumnInfo("Age", ColumnType.DECIMAL, VariableKind.NUMERIC, 300, 88, List.of()),
                    new ColumnInfo("Cabin", ColumnType.STRING, VariableKind.CATEGORICAL, 687, 147, List.of()),
                    new ColumnInfo("Pclass", ColumnType.INTEGER, VariableKind.NUMERIC, 0, 3, List.of())),
            Set.of(),
            891,
            List.of());

    @Test
    void everyWarningsAdviceIsInTheScreensWords() {
        PlanReview review = PlanValidator.review(PlanReader.read("""
                {"explanation": "x", "actions": [
                  {"type": "impute", "params": {"strategy": "mode", "columns": ["Fare", "Cabin"]}},
                  {"type": "scale", "params": {"method": "standard", "columns": ["Fare"]}},
                  {"type": "drop_missing_rows", "params": {"columns": ["Age"]}},
                  {"type": "train_model", "params": {"target": "Fare"}}]}"""), SCHEMA);

        assertThat(review.valid()).as(review.errors().toString()).isTrue();
        assertThat(review.warnings())
                .extracting(PlanWarning::code)
                .contains(
                        "fills_target",
                        "fills_sparse_column",
                        "mode_fills_many_values",
                        "changes_target",
                        "drops_many_rows");
        List<String> jsonNames = Arrays.stream(ActionType.values())
                .map(ActionType::wireName)
                .filter(n -> n.contains("_"))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        jsonNames.add("add_indicator");
        for (PlanWarning warning : review.warnings()) {
            assertThat(warning.message() + " " + warning.alternative())
                    .as(warning.code())
                    .doesNotContain(jsonNames.toArray(String[]::new));
        }
        assertThat(alternative(review, "fills_sparse_column"))
                .contains("Drop columns", "turn on Add indicator", "Cabin_missing");
        assertThat(alternative(review, "changes_target")).contains("out of this Scale step");
        assertThat(alternative(review, "drops_many_rows")).contains("Add indicator", "Age_missing");
    }

    private static String alternative(PlanReview review, String code) {
        return review.warnings().stream()
                .filter(w -> w.code().equals(code))
                .findFirst()
                .orElseThrow()
                .alternative();
    }
}
