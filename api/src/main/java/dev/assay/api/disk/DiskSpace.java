package dev.assay.api.disk;

import dev.assay.api.config.AssayProperties;
import dev.assay.api.executor.local.LocalExecutorConfiguration;
import dev.assay.api.problem.ApiException;
import dev.assay.api.problem.Sizes;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.FilesystemArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Free space on the folders this api writes to: the artifact folder (laptop mode; with S3 the object store keeps
 * its own count) and the work folder where tasks unpack their input. Below {@code assay.disk.min-free} readiness
 * is DOWN and uploads and runs are refused up front with 507, instead of being accepted and then failing half
 * written.
 */
@Component("disk")
public class DiskSpace implements HealthIndicator {

    private final long minFree;
    private final List<Path> folders;

    public DiskSpace(AssayProperties properties, ArtifactStore artifacts) {
        this.minFree = properties.disk().minFree().toBytes();
        List<Path> watched = new ArrayList<>();
        if (artifacts instanceof FilesystemArtifactStore files) {
            watched.add(files.root());
        }
        watched.add(LocalExecutorConfiguration.workRoot());
        this.folders = List.copyOf(watched);
    }

    /**
     * Refuses work that needs {@code bytes} more than the folders can take while keeping the minimum free.
     *
     * @throws ApiException 507 naming the folder, what is free and what is needed
     */
    public void require(long bytes, String what) {
        shortest().filter(free -> free.bytes() < minFree + bytes).ifPresent(free -> {
            throw new ApiException(
                    HttpStatus.INSUFFICIENT_STORAGE,
                    "Disk full",
                    "the server's disk is full: " + Sizes.describe(free.bytes()) + " free where " + what + " needs "
                            + Sizes.describe(bytes + minFree) + " (including a reserve of " + Sizes.describe(minFree)
                            + "); ask the operator to free space or to move the data folder");
        });
    }

    @Override
    public Health health() {
        Optional<Free> free = shortest();
        if (free.isPresent() && free.get().bytes() < minFree) {
            return Health.down()
                    .withDetail("free", free.get().bytes())
                    .withDetail("threshold", minFree)
                    .build();
        }
        return Health.up().build();
    }

    private record Free(Path folder, long bytes) {}

    /** The folder with the least usable space; a folder not made yet is measured at its nearest parent. */
    private Optional<Free> shortest() {
        Free least = null;
        for (Path folder : folders) {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                continue;
            }
            try {
                long usable = Files.getFileStore(existing).getUsableSpace();
                if (least == null || usable < least.bytes()) {
                    least = new Free(folder, usable);
                }
            } catch (IOException e) {
                // A folder that cannot be measured is reported by the store's own health check.
            }
        }
        return Optional.ofNullable(least);
    }
}
