package dev.assay.api.jobs;

import dev.assay.api.problem.ApiException;
import org.springframework.http.HttpStatus;

public class JobNotFoundException extends ApiException {

    public JobNotFoundException(String jobId) {
        super(HttpStatus.NOT_FOUND, "Unknown job", "there is no dataset with job id '" + jobId
                + "'; check the id, or upload the file again (POST /api/v1/upload) if it has expired");
    }
}
