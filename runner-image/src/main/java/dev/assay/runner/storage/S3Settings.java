package dev.assay.runner.storage;

import java.util.Objects;

/**
 * Where the S3 store is and how to sign in: the api's {@code assay.s3.*} properties, the runner's
 * {@code ASSAY_S3_*} environment.
 *
 * @param endpoint  for example {@code http://assay-minio.assay.svc:9000}
 * @param region    MinIO accepts any; {@code us-east-1} by default
 */
public record S3Settings(String endpoint, String bucket, String accessKey, String secretKey, String region) {

    public static final String DEFAULT_BUCKET = "assay";
    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        bucket = blankTo(bucket, DEFAULT_BUCKET);
        region = blankTo(region, DEFAULT_REGION);
        accessKey = accessKey == null ? "" : accessKey;
        secretKey = secretKey == null ? "" : secretKey;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
    }
}
