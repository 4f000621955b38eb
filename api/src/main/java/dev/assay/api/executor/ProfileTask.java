package dev.assay.api.executor;

/**
 * @param jobId     the dataset's id, also the task id
 * @param sourceKey artifact key of the uploaded CSV ({@code {job_id}/source.csv})
 * @param fileName  the name the person uploaded, for messages and reports
 */
public record ProfileTask(String jobId, String sourceKey, String fileName) {
}
