package dev.assay.api.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.TestProfiles;
import dev.assay.api.executor.kubernetes.KubernetesExecutor;
import dev.assay.api.jobs.Jobs;
import dev.assay.api.plans.Plans;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.profile.Profile;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Where an exported run goes: into the namespace of the Kubernetes executor's DatasetJobs when the api runs on
 * Kubernetes, nowhere in particular (kubectl's context) when it runs the work itself.
 */
class ManifestsTest {

    static final Plan PLAN = PlanReader.read("""
            {"explanation": "fill ages", "actions": [{"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}""");

    /** One profiled Titanic, j-titanic, uploaded as titanic.csv. */
    static final Jobs JOBS = new Jobs(null, null, null, null) {
        @Override
        public Profile profile(String jobId) {
            return TestProfiles.titanic();
        }

        @Override
        public TaskStatus job(String jobId) {
            return TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, "titanic.csv", Instant.EPOCH);
        }
    };

    static Manifests manifests(Map<String, Object> beans) {
        return new Manifests(
                JOBS, new Plans(JOBS), new StaticListableBeanFactory(beans).getBeanProvider(KubernetesExecutor.class));
    }

    @Test
    void onKubernetesTheRunGoesWhereTheDatasetJobIs() {
        Manifest manifest = manifests(Map.of("executor", new KubernetesExecutor(null, "team-a")))
                .forPlan("j-titanic", PLAN, Optional.empty(), Optional.of("fill"));

        AssistantRun run = Serialization.unmarshal(manifest.yaml(), AssistantRun.class);
        assertThat(run.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(run.getSpec().datasetRef()).isEqualTo("j-titanic");
        assertThat(run.getMetadata().getLabels())
                .containsEntry("assay.dev/dataset-job", "j-titanic")
                .doesNotContainKey("app.kubernetes.io/created-by");
        assertThat(manifest.fileName()).isEqualTo("titanic-" + run.getMetadata().getName() + ".yaml");
    }

    @Test
    void runningLocallyTheNamespaceIsLeftToKubectl() {
        Manifest manifest = manifests(Map.of()).forPlan("j-titanic", PLAN, Optional.empty(), Optional.empty());

        assertThat(Serialization.unmarshal(manifest.yaml(), AssistantRun.class)
                        .getMetadata()
                        .getNamespace())
                .isNull();
    }
}
