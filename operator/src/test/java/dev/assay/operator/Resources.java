package dev.assay.operator;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobSpec;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.operator.jobs.OperatorSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Custom resources and settings as the tests need them. */
public final class Resources {

    public static final String SEED_PLAN = """
            {"explanation": "Impute missing values, encode Sex, train a classifier on Survived.",
             "actions": [
               {"type": "impute", "params": {"strategy": "median", "columns": []}},
               {"type": "encode", "params": {"columns": ["Sex"], "method": "onehot"}},
               {"type": "train_model", "params": {"task": "classification", "target": "Survived", "model": "random_forest"}}]}""";

    private Resources() {}

    public static OperatorSettings settings(String namespace, Optional<String> redisUrl, String prefix) {
        OperatorSettings.JobDefaults defaults = new OperatorSettings.JobDefaults(
                "250m", "512Mi", "2", "2Gi", 1800, 1, "2Gi", Duration.ofMillis(200), Duration.ofHours(1));
        return new OperatorSettings(
                "localhost/assay/runner:test",
                Optional.of("assay-runner"),
                Optional.of("assay-runtime"),
                Set.of(namespace),
                redisUrl,
                prefix,
                namespace,
                0,
                false,
                defaults,
                Optional.empty());
    }

    public static DatasetJob datasetJob(String namespace, String name, String source) {
        DatasetJob job = new DatasetJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        job.setSpec(new DatasetJobSpec(source, "csv", true, null, null));
        return job;
    }

    public static AssistantRun assistantRun(String namespace, String name, String datasetRef, String planJson) {
        AssistantRun run = new AssistantRun();
        run.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        Plan plan = PlanReader.read(planJson);
        run.setSpec(new AssistantRunSpec(
                datasetRef, plan, "Fill missing values and train a classifier on Survived", null, null, null));
        return run;
    }
}
