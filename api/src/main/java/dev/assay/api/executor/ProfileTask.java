package dev.assay.api.executor;

import dev.assay.runner.source.SourceOptions;

/**
 * @param jobId     the dataset's id, also the task id
 * @param sourceKey artifact key of the uploaded file ({@code {job_id}/source.csv}, whatever its format)
 * @param fileName  the name the person uploaded, for messages and reports
 * @param options   the worksheet or text encoding the person chose with the upload
 */
public record ProfileTask(String jobId, String sourceKey, String fileName, SourceOptions options) {

    /** A task whose sheet and encoding are decided from the file. */
    public ProfileTask(String jobId, String sourceKey, String fileName) {
        this(jobId, sourceKey, fileName, SourceOptions.none());
    }
}
