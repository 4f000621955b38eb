package dev.assay.runner.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves what the engine wrote into a work folder to the artifact store, under the keys of
 * {@link ArtifactKeys}; the same in the api's local executor and in a runner pod. Called only after the
 * engine succeeded, so a failed task adds nothing to the store and leaves earlier artifacts as they were.
 */
public final class TaskOutputs {

    private TaskOutputs() {}

    /** Uploads profile.json, report.html and cleaned.csv of a profiled job; all three must be there. */
    public static List<String> uploadProfile(ArtifactStore store, String jobId, Path dir) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String name : ArtifactKeys.profileOutputs().stream().sorted().toList()) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "the engine did not write " + name);
            }
            String key = ArtifactKeys.job(jobId, name);
            store.put(key, file, ArtifactKeys.contentType(key));
            keys.add(key);
        }
        return keys;
    }

    /**
     * Uploads every run artifact found in the folder (report.html, cleaned.csv, profile.json, result.json,
     * plan.json and, when a model was trained, model.bin and metrics.json). Other files are left behind.
     */
    public static List<String> uploadRun(ArtifactStore store, String jobId, String runId, Path dir) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (ArtifactKeys.resolve(jobId, "runs/" + runId + "/" + name).isEmpty()) {
                    continue;
                }
                String key = ArtifactKeys.run(jobId, runId, name);
                store.put(key, file, ArtifactKeys.contentType(key));
                keys.add(key);
            }
        }
        return keys;
    }
}
