package dev.assay.api.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.executor.Creator;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.executor.RunTask;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On Kubernetes, an upload becomes a DatasetJob and an apply an AssistantRun, named by their ids. */
@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorTest {

    KubernetesClient client;

    @Test
    void anUploadBecomesADatasetJobReadingTheUploadedSource() {
        new KubernetesExecutor(client, "assay")
                .submitProfile(new ProfileTask("j-0123456789abcdef", "j-0123456789abcdef/source.csv", "titanic.csv"));

        DatasetJob job = client.resources(DatasetJob.class)
                .inNamespace("assay")
                .withName("j-0123456789abcdef")
                .get();
        assertThat(job.getSpec().source()).isEqualTo("j-0123456789abcdef/source.csv");
        assertThat(job.getMetadata().getAnnotations()).containsEntry("assay.dev/file-name", "titanic.csv");
    }

    @Test
    void anApplyBecomesAnAssistantRunOfThatDatasetWithThePlanAndThePrompt() {
        Plan plan = PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}""");

        new KubernetesExecutor(client, "assay")
                .submitRun(
                        new RunTask("j-1", "r-2", plan, Optional.of("dedupe"), Optional.of("remove duplicate rows")));

        AssistantRun run = client.resources(AssistantRun.class)
                .inNamespace("assay")
                .withName("r-2")
                .get();
        assertThat(run.getSpec().datasetRef()).isEqualTo("j-1");
        assertThat(run.getSpec().plan()).isEqualTo(plan);
        assertThat(run.getSpec().prompt()).isEqualTo("remove duplicate rows");
        assertThat(run.getSpec().runName()).isEqualTo("dedupe");
        assertThat(run.getMetadata().getLabels()).containsEntry("assay.dev/dataset-job", "j-1");
    }

    @Test
    void deletingADatasetDeletesItsResourcesAndDeletingARunOnlyThatRun() {
        Plan plan = PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}""");
        KubernetesExecutor executor = new KubernetesExecutor(client, "assay");
        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "a.csv"));
        executor.submitProfile(new ProfileTask("j-2", "j-2/source.csv", "b.csv"));
        executor.submitRun(new RunTask("j-1", "r-1", plan, Optional.of("one"), Optional.empty()));
        executor.submitRun(new RunTask("j-1", "r-2", plan, Optional.of("two"), Optional.empty()));
        executor.submitRun(new RunTask("j-2", "r-3", plan, Optional.of("three"), Optional.empty()));

        executor.forget("j-1", Optional.of("r-2"));
        assertThat(client.resources(AssistantRun.class)
                        .inNamespace("assay")
                        .list()
                        .getItems())
                .extracting(r -> r.getMetadata().getName())
                .containsExactlyInAnyOrder("r-1", "r-3");

        executor.forget("j-1", Optional.empty());
        assertThat(client.resources(AssistantRun.class)
                        .inNamespace("assay")
                        .list()
                        .getItems())
                .extracting(r -> r.getMetadata().getName())
                .containsExactly("r-3");
        assertThat(client.resources(DatasetJob.class)
                        .inNamespace("assay")
                        .list()
                        .getItems())
                .extracting(r -> r.getMetadata().getName())
                .containsExactly("j-2");
    }

    @Test
    void theCreatorOfARunIsTheProgramThatWroteItsSpecFirstNotTheOperatorWritingItsStatus() {
        AssistantRun run = new AssistantRun();
        run.setMetadata(new ObjectMetaBuilder()
                .withName("by-hand")
                .withManagedFields(
                        writer("assistantrunreconciler", "2026-12-01T09:59:00Z", "f:status"),
                        writer("kubectl-edit", "2026-12-01T11:00:00Z", "f:spec"),
                        writer("kubectl-create", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"))
                .build());
        assertThat(KubernetesExecutor.specWriter(run)).contains("kubectl-create");

        run.getMetadata()
                .setManagedFields(List.of(writer("assistantrunreconciler", "2026-12-01T09:59:00Z", "f:status")));
        assertThat(KubernetesExecutor.specWriter(run)).isEmpty();
        run.getMetadata().setManagedFields(null);
        assertThat(KubernetesExecutor.specWriter(run)).isEmpty();
    }

    @Test
    void aRunCreatedWithKubectlIsNamedByItsProgramAndARunTheClusterDoesNotHaveByNothing() {
        AssistantRun run = new AssistantRun();
        run.setMetadata(new ObjectMetaBuilder()
                .withName("by-hand")
                .withNamespace("assay")
                .withManagedFields(writer("kubectl-client-side-apply", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"))
                .build());
        run.setSpec(new AssistantRunSpec("j-1", PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}"""), null, null, null, null));
        client.resource(run).create();
        KubernetesExecutor executor = new KubernetesExecutor(client, "assay");

        assertThat(executor.creator("by-hand")).contains(new Creator("kubectl-client-side-apply", Optional.empty()));
        assertThat(executor.creator("r-gone")).isEmpty();
        assertThat(new KubernetesExecutor(client, "elsewhere").creator("by-hand"))
                .isEmpty();
    }

    @Test
    void theKubernetesUserIsReadFromTheWebhooksAnnotationOnlyWhenTheWebhookWritesIt() {
        AssistantRun run = new AssistantRun();
        run.setMetadata(new ObjectMetaBuilder()
                .withName("by-alice")
                .withNamespace("assay")
                .withAnnotations(Map.of("assay.dev/created-by", "alice"))
                .withManagedFields(writer("kubectl-create", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"))
                .build());
        run.setSpec(new AssistantRunSpec("j-1", PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}"""), null, null, null, null));
        client.resource(run).create();

        assertThat(new KubernetesExecutor(client, "assay", true).creator("by-alice"))
                .contains(new Creator("kubectl-create", Optional.of("alice")));
        assertThat(new KubernetesExecutor(client, "assay", false).creator("by-alice"))
                .as("without the webhook anyone could have typed that annotation")
                .contains(new Creator("kubectl-create", Optional.empty()));
    }

    private static ManagedFieldsEntry writer(String manager, String time, String... fields) {
        FieldsV1 written = new FieldsV1();
        for (String field : fields) {
            written.setAdditionalProperty(field, Map.of());
        }
        return new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation("Update")
                .withTime(time)
                .withFieldsType("FieldsV1")
                .withFieldsV1(written)
                .build();
    }
}
