package dev.assay.model.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assay.model.json.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a runner pod may do in the object store, handed to it by the operator in a per-Job Secret
 * ({@link RunnerEnv#S3_ACCESS}): one presigned URL per key it may read ({@code GET}) or write ({@code PUT}), keyed
 * by the key as the task sees it ({@link ArtifactGrants}); the URLs themselves name the namespaced object. A URL
 * signs one method on one object until {@code expires}: the pod holds no credentials it could use for anything else.
 *
 * @param bucket  the bucket the URLs point into, for messages ("does not exist in bucket 'assay'")
 * @param expires when the URLs stop working (derived from the Job's deadline)
 * @param read    key → presigned GET URL
 * @param write   key → presigned PUT URL
 */
public record RunnerAccess(String bucket, Instant expires, Map<String, String> read, Map<String, String> write) {

    /** The key of the per-Job Secret that holds this document. */
    public static final String SECRET_KEY = "access.json";

    public RunnerAccess {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(expires, "expires");
        read = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(read, "read")));
        write = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(write, "write")));
    }

    public String toJson() {
        return Json.write(this);
    }

    /** Reads the document; a malformed one is an error naming what is wrong, never an empty grant. */
    public static RunnerAccess fromJson(String json) {
        try {
            return Json.strict().readValue(json, RunnerAccess.class);
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException(
                    RunnerEnv.S3_ACCESS + " is not a runner access document: " + e.getMessage(), e);
        }
    }

    /** Never prints the URLs: each one is a credential for its object. */
    @Override
    public String toString() {
        return "RunnerAccess[bucket=" + bucket + ", expires=" + expires + ", read=" + read.keySet() + ", write="
                + write.keySet() + "]";
    }
}
