package dev.assay.api.upload;

/** The answer to an accepted upload: poll {@code status_url} until the status is done or failed. */
public record UploadAccepted(String jobId, String fileName, String statusUrl) {}
