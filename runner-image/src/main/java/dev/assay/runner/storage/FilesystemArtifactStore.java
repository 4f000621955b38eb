package dev.assay.runner.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Artifacts as files under a root folder ({@code ./data} on a laptop): key {@code j-1/report.html} is the
 * file {@code <root>/j-1/report.html}. Writes go to a temporary file beside the target and are moved into
 * place atomically, so a reader sees the old file or the new one, never a partial one.
 */
public final class FilesystemArtifactStore implements ArtifactStore {

    private static final String PARTIAL_SUFFIX = ".partial";

    private final Path root;

    public FilesystemArtifactStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), PARTIAL_SUFFIX);
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            put(key, in, Files.size(file), contentType);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        Path path = pathOf(key);
        return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path source = pathOf(key);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(key, null, "no such artifact");
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        ArtifactKeys.requireSafePrefix(prefix);
        // Walk only the deepest folder the prefix names; the rest of the prefix filters file names.
        int slash = prefix.lastIndexOf('/');
        Path base = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            // Hidden names are not artifacts: the laptop's status journal (.status/) or a desktop's .DS_Store.
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(PARTIAL_SUFFIX))
                    .map(p -> keyOf(p))
                    .filter(k -> !k.startsWith(".") && !k.contains("/."))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Optional<java.time.Instant> modified(String key) throws IOException {
        Path path = pathOf(key);
        return Files.isRegularFile(path)
                ? Optional.of(Files.getLastModifiedTime(path).toInstant())
                : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = pathOf(key);
        Files.deleteIfExists(path);
        // Empty folders left behind would still look like a dataset to a listing of the root.
        for (Path dir = path.getParent();
                dir != null && !dir.equals(root) && Files.isDirectory(dir);
                dir = dir.getParent()) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException raced) {
                break;
            }
        }
    }

    private Path pathOf(String key) {
        Path path = root.resolve(ArtifactKeys.requireSafe(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a valid artifact key: " + key);
        }
        return path;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
