package dev.assay.api.jobs;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

public class RunNotFoundException extends ApiException {

    public RunNotFoundException(String jobId, String runId) {
        super(HttpStatus.NOT_FOUND, "Unknown run", "dataset '" + jobId + "' has no run with id '" + runId + "'");
    }
}
