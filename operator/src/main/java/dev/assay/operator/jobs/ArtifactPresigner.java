package dev.assay.operator.jobs;

import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.RunnerAccess;
import dev.assay.model.protocol.TaskScope;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Presigns a runner's grants with the object store's credentials, which only the operator (and the api) hold: one
 * GET URL per input and one PUT URL per output, of the namespaced objects ({@link TaskScope#artifactKey}). Signing is
 * local arithmetic (AWS signature V4 with the configured region): no request reaches the store.
 */
public final class ArtifactPresigner {

    /** The longest a signature V4 URL may live. */
    static final Duration MAX_VALIDITY = Duration.ofDays(7);

    private final MinioClient client;
    private final String bucket;

    public ArtifactPresigner(ObjectStore store) {
        this.client = MinioClient.builder()
                .endpoint(store.endpoint())
                .credentials(store.accessKey(), store.secretKey())
                .region(store.region())
                .build();
        this.bucket = store.bucket();
    }

    /**
     * The store the operator signs for, from {@code ASSAY_S3_*}: the endpoint as runner pods reach it (the signature
     * covers the host), the bucket, the root credentials and the region.
     */
    public record ObjectStore(String endpoint, String bucket, String accessKey, String secretKey, String region) {

        public ObjectStore {
            Objects.requireNonNull(endpoint, "endpoint");
            bucket = bucket == null || bucket.isBlank() ? "assay" : bucket;
            region = region == null || region.isBlank() ? "us-east-1" : region;
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }

        /** Never prints the credentials. */
        @Override
        public String toString() {
            return "ObjectStore[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
        }
    }

    /**
     * URLs for {@code grants} in {@code scope}, valid for {@code validFor} from {@code now} (at most 7 days, the
     * signature's limit; at least a minute).
     */
    public RunnerAccess grant(TaskScope scope, ArtifactGrants grants, Duration validFor, Instant now) {
        Duration validity = validFor.compareTo(MAX_VALIDITY) > 0
                ? MAX_VALIDITY
                : validFor.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : validFor;
        Map<String, String> read = new LinkedHashMap<>();
        grants.read().forEach(key -> read.put(key, presign(Http.Method.GET, scope.artifactKey(key), validity)));
        Map<String, String> write = new LinkedHashMap<>();
        grants.write().forEach(key -> write.put(key, presign(Http.Method.PUT, scope.artifactKey(key), validity)));
        return new RunnerAccess(bucket, now.plus(validity), read, write);
    }

    private String presign(Http.Method method, String object, Duration validity) {
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(method)
                    .bucket(bucket)
                    .object(object)
                    .expiry((int) validity.toSeconds())
                    .build());
        } catch (MinioException e) {
            throw new IllegalStateException(
                    "cannot presign " + method + " " + bucket + "/" + object + ": " + e.getMessage(), e);
        }
    }
}
