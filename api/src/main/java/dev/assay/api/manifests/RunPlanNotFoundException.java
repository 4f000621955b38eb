package dev.assay.api.manifests;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A run whose plan.json is gone (removed from the store by hand): there is no plan to export. */
public class RunPlanNotFoundException extends ApiException {

    public RunPlanNotFoundException(String jobId, String runId) {
        super(
                HttpStatus.NOT_FOUND,
                "Plan not found",
                "run '" + runId + "' of dataset '" + jobId
                        + "' has no plan.json any more, so there is no plan to export");
    }
}
