package dev.assay.api.jobs;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

public class RunNotFoundException extends ApiException {

    public RunNotFoundException(String jobId, String runId) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown run",
                Ids.quoted(runId)
                        .map(id -> "dataset '" + jobId + "' has no run with id " + id)
                        .orElse("that is not a run id: ids are at most 64 lowercase letters, digits and dashes"));
    }
}
