package dev.assay.api.metadata;

import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The upgrade from a version without a database: every dataset whose upload is in the artifact store (the source
 * of truth for what exists) but which the database does not know is recorded with the configured legacy owner and
 * team, and so are its runs with the plan each was started with. Runs at every start; a dataset is recorded once.
 * Without this, an upgrade would hide every earlier dataset from everyone but admins.
 */
@Component
public class LegacyImport {

    private static final Logger log = LoggerFactory.getLogger(LegacyImport.class);

    private final ArtifactStore artifacts;
    private final StatusStore statuses;
    private final Metadata metadata;
    private final DatabaseProperties database;

    public LegacyImport(ArtifactStore artifacts, StatusStore statuses, Metadata metadata, DatabaseProperties database) {
        this.artifacts = artifacts;
        this.statuses = statuses;
        this.metadata = metadata;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        try {
            int imported = importUnknown();
            if (imported > 0) {
                log.info(
                        "{} datasets stored before the metadata database existed now belong to '{}' (team '{}')",
                        imported,
                        database.legacyOwner(),
                        database.legacyTeam());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("datasets stored before the metadata database were not all recorded: {}", e.toString());
        }
    }

    /** @return how many datasets were recorded */
    public int importUnknown() throws IOException {
        Map<String, TreeSet<String>> runsByJob = new LinkedHashMap<>();
        for (String key : artifacts.list("")) {
            String[] parts = key.split("/");
            if (parts.length < 2 || !ArtifactKeys.isId(parts[0])) {
                continue;
            }
            TreeSet<String> runs = runsByJob.computeIfAbsent(parts[0], id -> new TreeSet<>());
            if (parts.length == 4
                    && parts[1].equals("runs")
                    && ArtifactKeys.isId(parts[2])
                    && parts[3].equals("plan.json")) {
                runs.add(parts[2]);
            }
        }
        int imported = 0;
        for (Map.Entry<String, TreeSet<String>> job : runsByJob.entrySet()) {
            String jobId = job.getKey();
            String source = ArtifactKeys.job(jobId, "source.csv");
            if (metadata.knows(jobId) || artifacts.size(source).isEmpty()) {
                continue;
            }
            Optional<TaskStatus> status = statuses.get(jobId);
            Instant created =
                    status.map(TaskStatus::createdAt).or(() -> modified(source)).orElseGet(Instant::now);
            metadata.datasetCreated(
                    jobId,
                    status.map(TaskStatus::name).orElse("source.csv"),
                    database.legacyOwner(),
                    database.legacyTeam(),
                    Metadata.Origin.LEGACY,
                    created);
            for (String runId : job.getValue()) {
                String planKey = ArtifactKeys.run(jobId, runId, "plan.json");
                Optional<String> plan = text(planKey);
                if (plan.isEmpty()) {
                    continue;
                }
                Optional<TaskStatus> run = statuses.get(runId);
                metadata.runCreated(
                        runId,
                        jobId,
                        run.map(TaskStatus::name).orElse("restored run"),
                        database.legacyOwner(),
                        database.legacyTeam(),
                        Metadata.Origin.LEGACY,
                        plan.get(),
                        Optional.empty(),
                        run.map(TaskStatus::createdAt)
                                .or(() -> modified(planKey))
                                .orElse(created));
            }
            imported++;
        }
        return imported;
    }

    private Optional<Instant> modified(String key) {
        try {
            return artifacts.modified(key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String key) throws IOException {
        Optional<InputStream> in = artifacts.open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
