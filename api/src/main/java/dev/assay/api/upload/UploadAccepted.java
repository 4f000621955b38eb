package dev.assay.api.upload;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** The answer to an accepted upload: poll {@code status_url} until the status is done or failed. */
@NullMarked
public record UploadAccepted(String jobId, @Nullable String fileName, String statusUrl) {}
