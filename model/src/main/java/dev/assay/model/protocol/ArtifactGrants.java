package dev.assay.model.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The artifact keys one runner task may read and write, as the task sees them (before its {@link TaskScope} adds the
 * namespace): exactly its input and the outputs of {@link ArtifactLayout}, nothing else. The operator presigns one URL
 * per key ({@link RunnerAccess}), so a runner pod needs no object-store credentials and can reach no other object.
 */
public record ArtifactGrants(List<String> read, List<String> write) {

    public ArtifactGrants {
        read = List.copyOf(Objects.requireNonNull(read, "read"));
        write = List.copyOf(Objects.requireNonNull(write, "write"));
    }

    /** {@code profile-job}: reads its source, writes {@code {job_id}/profile.json, report.html, cleaned.csv}. */
    public static ArtifactGrants profileJob(String jobId, String source) {
        List<String> write = ArtifactLayout.PROFILE_OUTPUTS.stream()
                .sorted()
                .map(f -> ArtifactLayout.job(jobId, f))
                .toList();
        return new ArtifactGrants(List.of(source), write);
    }

    /**
     * {@code apply-run}: reads the dataset's source and its profile.json (how the source was read: sheet, encoding),
     * writes every file of {@link ArtifactLayout#RUN_FILES} under {@code {job_id}/runs/{run_id}/} (a run without a
     * model leaves model.bin and metrics.json unused).
     */
    public static ArtifactGrants applyRun(String jobId, String runId, String source) {
        List<String> read = new ArrayList<>(List.of(source));
        String profile = ArtifactLayout.job(jobId, ArtifactLayout.PROFILE);
        if (!profile.equals(source)) {
            read.add(profile);
        }
        List<String> write = ArtifactLayout.RUN_FILES.stream()
                .sorted()
                .map(f -> ArtifactLayout.run(jobId, runId, f))
                .toList();
        return new ArtifactGrants(read, write);
    }
}
