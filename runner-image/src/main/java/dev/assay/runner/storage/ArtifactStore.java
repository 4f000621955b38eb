package dev.assay.runner.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where files live: a folder on a laptop ({@link FilesystemArtifactStore}), S3/MinIO on a cluster
 * ({@link S3ArtifactStore}). Keys are {@link ArtifactKeys}; every implementation refuses a key that is not
 * {@link ArtifactKeys#requireSafe safe} with an {@link IllegalArgumentException}. The store is never exposed
 * to users directly: the api streams artifacts through its own endpoint.
 *
 * <p>A reader never sees half an artifact: {@code put} makes the new content visible all at once, replacing
 * any earlier content of the key.
 */
public interface ArtifactStore {

    /** Stores a stream of known or unknown (-1) length; never holds the whole file in memory. */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    void put(String key, Path file, String contentType) throws IOException;

    /** The artifact's bytes, or empty when there is none. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    /** Size in bytes, or empty when there is no such artifact. */
    Optional<Long> size(String key) throws IOException;

    /**
     * Copies an artifact to a local file (the engine works on files), replacing the file if it exists.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such artifact
     */
    void download(String key, Path target) throws IOException;

    /** Keys starting with a prefix (e.g. a job id followed by '/'), sorted. */
    List<String> list(String prefix) throws IOException;

    /** When an artifact was last written, or empty when there is none. */
    Optional<java.time.Instant> modified(String key) throws IOException;

    /** Removes an artifact; removing one that is not there is not an error. */
    void delete(String key) throws IOException;

    /** Removes every artifact under a prefix (a job's or a run's folder): what a deleted dataset leaves behind. */
    default void deleteAll(String prefix) throws IOException {
        for (String key : list(prefix)) {
            delete(key);
        }
    }
}
