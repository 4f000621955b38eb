package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobSpec;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.operator.assistantrun.AssistantRunWorkload;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Prerequisite;
import dev.assay.runner.cli.RunnerMain;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every field of both specs reaches the runner's Job: for each record component, a spec differing only there must
 * give a different Job, and the runner must accept the Job's arguments. A field added to a spec without being
 * passed on fails this test, because the walk is over the records' components, not over a hand-kept list.
 */
class SpecFieldsReachTheRunnerTest {

    private static final String NS = "team-a";
    /** Fields that deliberately stay on the resource, with the reason. */
    private static final Map<String, String> KEPT_ON_THE_RESOURCE = Map.of(
            "AssistantRunSpec.prompt",
            "the request in words is kept on the resource for the audit trail; the runner acts "
                    + "on the plan only, never on words");

    private final RunnerJobs jobs = new RunnerJobs(Resources.settings(NS, Optional.empty(), "assay:"));
    private final DatasetJobWorkload datasets = new DatasetJobWorkload(jobs);
    private final AssistantRunWorkload runs = new AssistantRunWorkload(jobs, null);

    private static final Map<String, Object> DATASET_CHANGES = Map.of(
            "source",
            "samples/other.csv",
            "format",
            "tsv",
            "dropDuplicates",
            false,
            "resources",
            new ResourceRequirementsBuilder()
                    .addToLimits("memory", new Quantity("3Gi"))
                    .build(),
            "activeDeadlineSeconds",
            120L,
            "sheet",
            "Q3 Sales",
            "encoding",
            "windows-1252",
            "missingMarkers",
            List.of("NA", "-"));

    private static final Map<String, Object> RUN_CHANGES = Map.of(
            "datasetRef",
            "other",
            "plan",
            PlanReader.read(Resources.SEED_PLAN.replace("median", "mean")),
            "prompt",
            "another request",
            "runName",
            "a name for people",
            "resources",
            new ResourceRequirementsBuilder()
                    .addToLimits("memory", new Quantity("3Gi"))
                    .build(),
            "activeDeadlineSeconds",
            120L);

    @Test
    void everyDatasetJobSpecFieldChangesTheJob() throws Exception {
        DatasetJobSpec base = new DatasetJobSpec("samples/titanic.csv", "csv", true, null, null);
        walk(DatasetJobSpec.class, base, DATASET_CHANGES, spec -> {
            DatasetJob resource = new DatasetJob();
            resource.setMetadata(new ObjectMetaBuilder()
                    .withNamespace(NS)
                    .withName("titanic")
                    .withUid("u")
                    .build());
            resource.setSpec(spec);
            return datasets.job(resource, (Prerequisite.Ready) datasets.prerequisite(resource, null), 1)
                    .job();
        });
    }

    @Test
    void everyAssistantRunSpecFieldChangesTheJob() throws Exception {
        AssistantRunSpec base = new AssistantRunSpec(
                "titanic", PlanReader.read(Resources.SEED_PLAN), "fill and train", null, null, null);
        walk(AssistantRunSpec.class, base, RUN_CHANGES, spec -> {
            AssistantRun resource = new AssistantRun();
            resource.setMetadata(new ObjectMetaBuilder()
                    .withNamespace(NS)
                    .withName("seed")
                    .withUid("u")
                    .build());
            resource.setSpec(spec);
            return runs.job(resource, new Prerequisite.Ready("samples/titanic.csv", true), 1)
                    .job();
        });
    }

    @Test
    void aDatasetsKeptDuplicatesReachItsRunsToo() {
        AssistantRun resource = new AssistantRun();
        resource.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("seed")
                .withUid("u")
                .build());
        resource.setSpec(new AssistantRunSpec("titanic", PlanReader.read(Resources.SEED_PLAN), null, null, null, null));

        Job job = runs.job(resource, new Prerequisite.Ready("samples/titanic.csv", false), 1)
                .job();

        assertThat(args(job)).contains("--keep-duplicates");
    }

    private <T extends Record> void walk(Class<T> type, T base, Map<String, Object> changes, Function<T, Job> toJob)
            throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        assertThat(changes.keySet())
                .as("a change for every field of " + type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(components).map(RecordComponent::getName).toList());
        Job baseline = toJob.apply(base);
        assertThat(RunnerMain.commandLine(new RunnerMain())
                        .parseArgs(args(baseline).toArray(String[]::new))
                        .hasSubcommand())
                .isTrue();
        Map<String, Boolean> reached = new LinkedHashMap<>();
        for (RecordComponent field : components) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].equals(field)
                        ? changes.get(field.getName())
                        : components[i].getAccessor().invoke(base);
            }
            T changed = type.cast(type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values));
            Job job = toJob.apply(changed);
            String key = type.getSimpleName() + "." + field.getName();
            if (KEPT_ON_THE_RESOURCE.containsKey(key)) {
                assertThat(job.getSpec())
                        .as(key + ": " + KEPT_ON_THE_RESOURCE.get(key))
                        .isEqualTo(baseline.getSpec());
                continue;
            }
            reached.put(field.getName(), !job.getSpec().equals(baseline.getSpec()));
            // The runner understands what the operator passes.
            RunnerMain.commandLine(new RunnerMain()).parseArgs(args(job).toArray(String[]::new));
        }
        assertThat(reached)
                .as("fields of " + type.getSimpleName() + " that change the runner's Job")
                .allSatisfy(
                        (field, changesJob) -> assertThat(changesJob).as(field).isTrue());
    }

    private static List<String> args(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs();
    }
}
