package dev.assay.api.jobs;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

public class JobNotFoundException extends ApiException {

    public JobNotFoundException(String jobId) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown job",
                Ids.quoted(jobId)
                        .map(id -> "there is no dataset with job id " + id
                                + "; check the id, or upload the file again (POST /api/v1/upload) if it has expired")
                        .orElse("that is not a job id: ids are at most 64 lowercase letters, digits and dashes"));
    }
}
