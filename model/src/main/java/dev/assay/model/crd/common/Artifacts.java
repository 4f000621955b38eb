package dev.assay.model.crd.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Keys in the artifact store (S3/MinIO) of what the runner wrote; read them through the api. */
public record Artifacts(
        @JsonPropertyDescription("The HTML report.") String report,

        @JsonPropertyDescription("profile.json of the data.")
        String profile,

        @JsonPropertyDescription("The cleaned (or processed) CSV.")
        String cleanedCsv,

        @JsonPropertyDescription("The fitted model (runs that trained one).")
        String model,

        @JsonPropertyDescription("metrics.json (runs that trained a model).")
        String metrics) {}
