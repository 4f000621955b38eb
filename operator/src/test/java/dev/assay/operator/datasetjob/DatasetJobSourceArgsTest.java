package dev.assay.operator.datasetjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobSpec;
import dev.assay.operator.Resources;
import dev.assay.operator.jobs.RunnerJobs;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** spec.sheet and spec.encoding reach the runner, so a Job reads the sheet and encoding the resource asks for. */
class DatasetJobSourceArgsTest {

    private static DatasetJob dataset(String sheet, String encoding) {
        DatasetJob job = new DatasetJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withName("sales")
                .withNamespace("team-a")
                .withUid("u-1")
                .build());
        job.setSpec(new DatasetJobSpec("uploads/sales.xlsx", "csv", true, null, null, sheet, encoding));
        return job;
    }

    private static List<String> args(DatasetJob job) {
        DatasetJobWorkload workload =
                new DatasetJobWorkload(new RunnerJobs(Resources.settings("team-a", Optional.empty(), "t:")));
        return workload.job(job, new dev.assay.operator.lifecycle.Prerequisite.Ready("uploads/sales.xlsx", true), 1)
                .job()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getArgs();
    }

    @Test
    void theSheetAndEncodingArePassedToProfileJob() {
        assertThat(args(dataset("Q3 Sales", "windows-1252")))
                .containsSubsequence("profile-job", "--job-id", "sales", "--source", "uploads/sales.xlsx")
                .containsSubsequence("--sheet", "Q3 Sales")
                .containsSubsequence("--encoding", "windows-1252");
    }

    @Test
    void withoutThemTheRunnerDetects() {
        assertThat(args(dataset(null, null))).doesNotContain("--sheet", "--encoding");
    }
}
