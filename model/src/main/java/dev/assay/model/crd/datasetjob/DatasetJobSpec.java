package dev.assay.model.crd.datasetjob;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * What to profile and how.
 *
 * @param activeDeadlineSeconds how long the Job may run before Kubernetes stops it (operator default when unset)
 */
public record DatasetJobSpec(
        @Required
        @Pattern("^[A-Za-z0-9][A-Za-z0-9._/-]{0,511}$")
        @JsonPropertyDescription(
                "Key of the source file in this namespace's part of the artifact store (S3/MinIO), e.g. "
                        + "samples/titanic.csv, stored as <namespace>/samples/titanic.csv. A key, never a path on a node.")
        String source,

        @Default("csv")
        @Pattern("^csv$")
        @JsonPropertyDescription("Kept for compatibility: csv. What the source is (CSV in any common encoding, .xlsx, "
                + "gzip or one-file zip of a CSV, flat Parquet) is decided from its content.")
        String format,

        @Default("true")
        @JsonPropertyDescription("Drop exact duplicate rows on ingest (the count is reported). Default true.")
        Boolean dropDuplicates,

        @JsonPropertyDescription("CPU and memory requests and limits of the runner pod; operator defaults when unset.")
        ResourceRequirements resources,

        @Min(30)
        @Max(86400)
        @JsonPropertyDescription("Seconds the profiling may take before it is stopped. Default 1800.")
        Long activeDeadlineSeconds,

        @Pattern("^[^\\\\/?*\\[\\]:]{1,31}$")
        @JsonPropertyDescription("Worksheet to read when the source is an Excel workbook. Default: the first sheet.")
        String sheet,

        @Pattern("^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$")
        @JsonPropertyDescription("Text encoding of a CSV source, e.g. windows-1252, ISO-8859-1, UTF-16LE. Default: "
                + "detected (byte order mark, valid UTF-8, else ICU's detector); the profile says which was read.")
        String encoding,

        @Size(max = 32)
        @JsonPropertyDescription("Words read as missing (trimmed, any case), e.g. [\"NA\", \"-\"]; an empty list reads "
                + "every word as a value (an empty cell is always missing). At most 32 words of at most 40 characters. "
                + "Default: NA, N/A, null, NaN, None, -. The profile says which were used.")
        List<String> missingMarkers) {

    /** A spec without a sheet or encoding: both decided from the file. */
    public DatasetJobSpec(
            String source,
            String format,
            Boolean dropDuplicates,
            ResourceRequirements resources,
            Long activeDeadlineSeconds) {
        this(source, format, dropDuplicates, resources, activeDeadlineSeconds, null, null, null);
    }

    /** A spec read with the default missing markers. */
    public DatasetJobSpec(
            String source,
            String format,
            Boolean dropDuplicates,
            ResourceRequirements resources,
            Long activeDeadlineSeconds,
            String sheet,
            String encoding) {
        this(source, format, dropDuplicates, resources, activeDeadlineSeconds, sheet, encoding, null);
    }
}
