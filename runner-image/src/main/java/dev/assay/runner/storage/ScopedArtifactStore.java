package dev.assay.runner.storage;

import dev.assay.model.protocol.TaskScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An artifact store seen through a {@link TaskScope}: keys as its users know them ({@code titanic/report.html})
 * become {@code {namespace}/titanic/report.html} in the store underneath, so the api and the runner of one namespace
 * never read or write another's keys. A local scope adds nothing.
 */
public final class ScopedArtifactStore implements ArtifactStore {

    private final ArtifactStore store;
    private final TaskScope scope;

    private ScopedArtifactStore(ArtifactStore store, TaskScope scope) {
        this.store = store;
        this.scope = scope;
    }

    /** The store itself when the scope is local; a scoped view otherwise. */
    public static ArtifactStore of(ArtifactStore store, TaskScope scope) {
        return scope.namespace().isEmpty() ? store : new ScopedArtifactStore(store, scope);
    }

    /** The store underneath, without the scope. */
    public ArtifactStore store() {
        return store;
    }

    private String key(String key) {
        return scope.artifactKey(ArtifactKeys.requireSafe(key));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        store.put(key(key), content, length, contentType);
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        store.put(key(key), file, contentType);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        return store.open(key(key));
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        return store.size(key(key));
    }

    @Override
    public void download(String key, Path target) throws IOException {
        store.download(key(key), target);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        String own = scope.artifactPrefix();
        return store.list(own + ArtifactKeys.requireSafePrefix(prefix)).stream()
                .map(key -> key.substring(own.length()))
                .toList();
    }

    @Override
    public Optional<java.time.Instant> modified(String key) throws IOException {
        return store.modified(key(key));
    }

    @Override
    public void delete(String key) throws IOException {
        store.delete(key(key));
    }

    @Override
    public String toString() {
        return store + " (" + scope + ")";
    }
}
