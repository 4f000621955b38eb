package dev.assay.api.artifacts;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

public class ArtifactNotFoundException extends ApiException {

    ArtifactNotFoundException(String jobId, String name) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown artifact",
                "job '" + jobId + "' has no artifact '" + name + "'; artifacts "
                        + "are report.html, profile.json, cleaned.csv, source.csv and runs/{run_id}/{report.html, cleaned.csv, "
                        + "profile.json, model.bin, metrics.json, plan.json, result.json}, once written");
    }
}
