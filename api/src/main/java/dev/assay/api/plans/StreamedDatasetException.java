package dev.assay.api.plans;

import dev.assay.api.problem.ApiException;
import dev.assay.model.profile.Estimates;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A plan was sent for a dataset that was profiled in streaming mode: the file is larger than the engine holds in
 * memory, and applying a plan needs the whole table in memory.
 */
public class StreamedDatasetException extends ApiException {

    public StreamedDatasetException(String jobId, String name, Estimates estimates) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Dataset too large to apply a plan",
                "'" + name + "' (job " + jobId + ") was profiled in streaming mode because " + estimates.reason()
                        + "; a plan needs the whole table in memory, so it cannot be applied to this file here. "
                        + "Apply it to a smaller extract of the file, or raise the streaming threshold on a machine "
                        + "with more memory",
                Map.of("reason", "streamed_profile", "job_id", jobId, "threshold_bytes", estimates.thresholdBytes()));
    }
}
