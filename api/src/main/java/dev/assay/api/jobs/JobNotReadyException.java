package dev.assay.api.jobs;

import dev.assay.api.problem.ApiException;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import org.springframework.http.HttpStatus;

/** The dataset has no profile to work with yet (still profiling) or will never have one (profiling failed). */
public class JobNotReadyException extends ApiException {

    public JobNotReadyException(TaskStatus job) {
        super(
                HttpStatus.CONFLICT,
                job.status() == TaskState.FAILED ? "Dataset failed" : "Dataset not ready",
                job.status() == TaskState.FAILED
                        ? "profiling of '" + job.name() + "' (job " + job.id() + ") failed: "
                                + job.error().orElse("no reason recorded") + "; fix the file and upload it again"
                        : "'" + job.name() + "' (job " + job.id() + ") is still being profiled ("
                                + job.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + job.progress()
                                + " %); try again when its status is done");
    }
}
