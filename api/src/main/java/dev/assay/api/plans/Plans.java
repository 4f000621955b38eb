package dev.assay.api.plans;

import dev.assay.api.jobs.Jobs;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReview;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Profile;
import java.util.List;
import org.springframework.stereotype.Service;

/** Checks a plan against a profiled dataset with the one {@link PlanValidator} every plan goes through. */
@Service
public class Plans {

    private final Jobs jobs;

    public Plans(Jobs jobs) {
        this.jobs = jobs;
    }

    /** Every problem of the plan for this dataset; empty when it may run. */
    public List<PlanError> check(String jobId, Plan plan) {
        return PlanValidator.check(plan, jobs.profile(jobId).schema());
    }

    /** The problems and the warnings of the plan for this dataset, from the same validator. */
    public PlanReview review(String jobId, Plan plan) {
        return PlanValidator.review(plan, jobs.profile(jobId).schema());
    }

    /** The plan in plain words for this dataset: the model's target and features, every step's columns by name. */
    public List<String> summary(String jobId, Plan plan) {
        return PlanSummary.of(plan.actions(), jobs.profile(jobId).schema());
    }

    /**
     * @throws StreamedDatasetException when the dataset was profiled in streaming mode (too large to apply a plan to)
     * @throws InvalidPlanException when the plan may not run
     */
    public void require(String jobId, Plan plan) {
        Profile profile = jobs.profile(jobId);
        if (profile.estimates().isPresent()) {
            throw new StreamedDatasetException(
                    jobId, profile.source(), profile.estimates().get());
        }
        List<PlanError> errors = PlanValidator.check(plan, profile.schema());
        if (!errors.isEmpty()) {
            throw new InvalidPlanException(errors);
        }
    }
}
