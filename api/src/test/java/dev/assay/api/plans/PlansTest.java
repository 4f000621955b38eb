package dev.assay.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.TestProfiles;
import dev.assay.api.jobs.Jobs;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.plan.validation.PlanReview;
import dev.assay.model.plan.validation.PlanWarning;
import dev.assay.model.profile.Profile;
import org.junit.jupiter.api.Test;

/**
 * The api's plan check answers with the one validator's warnings beside its errors: the same judgement the run
 * result carries, from the dataset's profile.
 */
class PlansTest {

    /** A dataset store that knows one profiled dataset: the plan check reads nothing else. */
    private final Plans plans = new Plans(new Jobs(null, null, null, null) {
        @Override
        public Profile profile(String jobId) {
            return TestProfiles.titanic();
        }
    });

    @Test
    void aValidPlanComesWithTheWarningsOfItsSteps() {
        PlanReview review = plans.review("j-titanic", PlanReader.read("""
                {"explanation": "fill, drop rows, train", "actions": [
                  {"type": "impute", "params": {"strategy": "mode", "columns": ["Cabin", "Embarked"]}},
                  {"type": "train_model", "params": {"target": "Survived"}}]}"""));

        assertThat(review.valid()).isTrue();
        assertThat(review.warnings())
                .extracting(PlanWarning::code, PlanWarning::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fills_sparse_column", "Cabin"),
                        org.assertj.core.groups.Tuple.tuple("mode_fills_many_values", "Cabin"));
        assertThat(review.warnings())
                .noneMatch(w -> w.column().equals("Survived") || w.column().equals("Embarked"));
    }

    @Test
    void aSoundPlanHasNone() {
        PlanReview review = plans.review("j-titanic", PlanReader.read("""
                {"explanation": "fill ages, train", "actions": [
                  {"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}},
                  {"type": "train_model", "params": {"target": "Survived"}}]}"""));

        assertThat(review.valid()).isTrue();
        assertThat(review.warnings()).isEmpty();
    }

    @Test
    void theSummaryNamesEveryColumnAStepChangesAndWhatTheModelLearnsFrom() {
        java.util.List<String> summary = plans.summary("j-titanic", PlanReader.read("""
                {"explanation": "drop, fill, encode, scale, train", "actions": [
                  {"type": "drop_columns", "params": {"columns": ["Cabin"]}},
                  {"type": "impute", "params": {"strategy": "median", "columns": []}},
                  {"type": "encode", "params": {"method": "onehot", "columns": []}},
                  {"type": "scale", "params": {"method": "standard", "columns": ["Age", "Fare"]}},
                  {"type": "train_model", "params": {"target": "Survived", "task": "classification"}}]}"""));

        assertThat(summary)
                .first()
                .asString()
                .startsWith(
                        "Model: predicts Survived (classification) from every other " + "column it can learn from: ")
                .doesNotContain("PassengerId")
                .doesNotContain("Name,")
                .contains("Age", "Fare");
        // [] is spelled out with the columns it reaches at that point: Cabin is gone before the fill and the encoding.
        assertThat(summary)
                .contains(
                        "Step 1 (Drop columns): removes Cabin.",
                        "Step 2 (Fill missing): fills every column with missing values: Age, Embarked.",
                        "Step 4 (Scale): rescales Age, Fare.");
        assertThat(summary.get(3))
                .startsWith("Step 3 (Encode): encodes every categorical column: ")
                .contains("Sex", "Embarked")
                .doesNotContain("Cabin");
        assertThat(String.join(" ", summary)).doesNotContain("[]");
    }

    @Test
    void aPlanThatDoesNotFitStillSaysWhichColumnsItsStepsName() {
        java.util.List<String> summary = plans.summary("j-titanic", PlanReader.read("""
                {"explanation": "scale a name", "actions": [
                  {"type": "scale", "params": {"method": "standard", "columns": ["Name"]}},
                  {"type": "clip_outliers", "params": {"columns": []}}]}"""));

        assertThat(summary)
                .containsExactly(
                        "Step 1 (Scale): rescales Name.", "Step 2 (Clip outliers): clips every numeric column.");
    }

    @Test
    void aDatasetProfiledInStreamingModeRefusesEveryPlanWithTheReason() {
        Profile exact = TestProfiles.titanic();
        Profile streamed = new Profile(
                exact.schemaVersion(),
                exact.source(),
                exact.table(),
                exact.variables(),
                exact.correlations(),
                exact.missing(),
                exact.alerts(),
                exact.sample(),
                exact.ingest(),
                java.util.Optional.of(new dev.assay.model.profile.Estimates(
                        "the file (3,000.0 MB) is larger than the streaming threshold (1,024.0 MB)",
                        1L << 30,
                        java.util.List.of())));
        Plans refusing = new Plans(new Jobs(null, null, null, null) {
            @Override
            public Profile profile(String jobId) {
                return streamed;
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refusing.require("j-big", PlanReader.read("""
                        {"explanation": "fill ages", "actions": [
                          {"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}""")))
                .isInstanceOf(StreamedDatasetException.class)
                .hasMessageContaining("'titanic.csv' (job j-big) was profiled in streaming mode because the file "
                        + "(3,000.0 MB) is larger than the streaming threshold (1,024.0 MB)")
                .hasMessageContaining("cannot be applied to this file")
                .satisfies(e -> {
                    StreamedDatasetException refused = (StreamedDatasetException) e;
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getBody().getProperties()).containsEntry("reason", "streamed_profile");
                });
        // The same plan on the exact profile may run.
        plans.require("j-titanic", PlanReader.read("""
                {"explanation": "fill ages", "actions": [
                  {"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}"""));
    }
}
