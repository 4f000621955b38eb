package dev.assay.runner.storage;

import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Artifacts as objects in one S3 bucket (MinIO in the cluster), reached with the MinIO client. Keys are the
 * object names. S3 makes an object visible only once its upload completed, which gives the "never half an
 * artifact" rule for free.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    /** Part size for streams of unknown length: the client buffers one part in memory at a time. */
    private static final long PART_SIZE = 10L * 1024 * 1024;

    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

    private final MinioClient client;
    private final String bucket;

    private S3ArtifactStore(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** Connects and creates the bucket when it does not exist yet. */
    public static S3ArtifactStore connect(S3Settings settings) throws IOException {
        S3ArtifactStore store = open(settings);
        store.ensureBucket();
        return store;
    }

    /**
     * The store without a round trip: for a long-running process that must come up while the object store is not
     * answering yet (a pod started beside it), and then calls {@link #ensureBucket()} until it succeeds.
     */
    public static S3ArtifactStore open(S3Settings settings) {
        MinioClient client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .build();
        return new S3ArtifactStore(client, settings.bucket());
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket when it does not exist yet; fails when the store cannot be reached or refuses. */
    public void ensureBucket() throws IOException {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (ErrorResponseException e) {
            // Another pod created it between the two calls.
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw failure("create bucket " + bucket, e);
            }
        } catch (MinioException e) {
            throw failure("reach bucket " + bucket, e);
        }
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        PutObjectArgs.Builder args = PutObjectArgs.builder()
                .bucket(bucket)
                .object(ArtifactKeys.requireSafe(key))
                .contentType(contentType);
        if (length >= 0) {
            args.stream(content, length, null);
        } else {
            args.stream(content, null, PART_SIZE);
        }
        try {
            client.putObject(args.build());
        } catch (MinioException e) {
            throw failure("store " + key, e);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(ArtifactKeys.requireSafe(key))
                    .filename(file.toString(), PART_SIZE)
                    .contentType(contentType)
                    .build());
        } catch (MinioException e) {
            throw failure("store " + key, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(client.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(ArtifactKeys.requireSafe(key))
                    .build()));
        } catch (MinioException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("read " + key, e);
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder()
                            .bucket(bucket)
                            .object(ArtifactKeys.requireSafe(key))
                            .build())
                    .size());
        } catch (MinioException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("read " + key, e);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        ArtifactKeys.requireSafe(key);
        // The client refuses to overwrite; the interface promises replacement.
        Files.deleteIfExists(target);
        try {
            client.downloadObject(DownloadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .filename(target.toString())
                    .build());
        } catch (MinioException e) {
            if (isMissing(e)) {
                throw new NoSuchFileException(key, null, "no such artifact");
            }
            throw failure("download " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        ArtifactKeys.requireSafePrefix(prefix);
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    keys.add(item.objectName());
                }
            }
        } catch (MinioException e) {
            throw failure("list " + prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public Optional<java.time.Instant> modified(String key) throws IOException {
        ArtifactKeys.requireSafe(key);
        try {
            return Optional.of(client.statObject(
                            StatObjectArgs.builder().bucket(bucket).object(key).build())
                    .lastModified()
                    .toInstant());
        } catch (MinioException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("stat " + key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        ArtifactKeys.requireSafe(key);
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            if (!isMissing(e)) {
                throw failure("delete " + key, e);
            }
        }
    }

    /** Releases the client's connections; MinioClient declares {@code Exception}, narrowed here to I/O. */
    @Override
    public void close() throws IOException {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the S3 client", e);
        } catch (Exception e) {
            throw new IOException("could not close the S3 client", e);
        }
    }

    private static boolean isMissing(MinioException e) {
        return e instanceof ErrorResponseException error
                && MISSING.contains(error.errorResponse().code());
    }

    private IOException failure(String what, MinioException e) {
        String detail = e instanceof ErrorResponseException error
                ? error.errorResponse().code() + ": " + error.errorResponse().message()
                : e.getMessage();
        return new IOException("S3 bucket '" + bucket + "': cannot " + what + " (" + detail + ")", e);
    }
}
