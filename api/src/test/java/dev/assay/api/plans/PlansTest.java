package dev.assay.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.TestProfiles;
import dev.assay.api.jobs.Jobs;
import dev.assay.model.plan.PlanReader;
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
    private final Plans plans = new Plans(new Jobs(null, null) {
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
        assertThat(review.warnings()).extracting(PlanWarning::code, PlanWarning::column).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("fills_sparse_column", "Cabin"),
                org.assertj.core.groups.Tuple.tuple("mode_fills_many_values", "Cabin"));
        assertThat(review.warnings()).noneMatch(w -> w.column().equals("Survived") || w.column().equals("Embarked"));
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
}
