package dev.assay.api.manifests;

import dev.assay.api.executor.kubernetes.KubernetesExecutor;
import dev.assay.api.jobs.Ids;
import dev.assay.api.jobs.Jobs;
import dev.assay.api.plans.Plans;
import dev.assay.model.crd.assistantrun.AssistantRunManifest;
import dev.assay.model.plan.Plan;
import dev.assay.model.status.TaskStatus;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Plans as AssistantRun manifests, the bridge from the analyst's screen to the cluster: the same resource the
 * api's Kubernetes executor creates ({@link AssistantRunManifest}), for a person to apply with kubectl.
 */
@Service
public class Manifests {

    private final Jobs jobs;
    private final Plans plans;
    private final Optional<String> namespace;

    public Manifests(Jobs jobs, Plans plans, ObjectProvider<KubernetesExecutor> kubernetes) {
        this.jobs = jobs;
        this.plans = plans;
        // The DatasetJob a manifest refers to lives where the Kubernetes executor created it, and an AssistantRun must
        // be in its dataset's namespace, so that namespace is written in. Without that executor the api knows no
        // namespace (the data was never a DatasetJob it made): metadata.namespace is left out and kubectl's context
        // decides, where the person has their DatasetJob.
        this.namespace = Optional.ofNullable(kubernetes.getIfAvailable()).map(KubernetesExecutor::namespace);
    }

    /**
     * A manifest for a plan on a profiled dataset, checked by the one validator every plan passes through.
     *
     * @throws dev.assay.api.plans.InvalidPlanException when the plan may not run on this dataset
     */
    public Manifest forPlan(String jobId, Plan plan, Optional<String> prompt, Optional<String> runName) {
        plans.require(jobId, plan);
        return manifest(jobId, plan, prompt, runName);
    }

    /** A manifest that runs a run's plan again: the plan.json it was started with, checked again. */
    public Manifest forRun(String jobId, String runId) {
        TaskStatus run = jobs.run(jobId, runId);
        Plan plan = jobs.planOf(jobId, runId).orElseThrow(() -> new RunPlanNotFoundException(jobId, runId));
        plans.require(jobId, plan);
        return manifest(
                jobId, plan, Optional.empty(), Optional.ofNullable(run.name()).filter(n -> !n.isBlank()));
    }

    private Manifest manifest(String jobId, Plan plan, Optional<String> prompt, Optional<String> runName) {
        // A new run id each time, never the id of a run that exists: the operator takes the name as the run's id,
        // and its artifacts are written under it. Applying the same file twice is one run (kubectl apply updates).
        String name = Ids.newRunId();
        String fileName = stem(jobs.job(jobId).name()) + "-" + name + ".yaml";
        String yaml = new AssistantRunManifest(
                        name,
                        namespace,
                        jobId,
                        plan,
                        prompt.filter(p -> !p.isBlank()),
                        runName.map(String::strip).filter(n -> !n.isEmpty()),
                        Optional.empty())
                .yaml();
        String header = "# An Assay AssistantRun: the plan below, applied to DatasetJob " + jobId
                + " (it must be in the same namespace).\n# kubectl apply -f " + fileName
                + " && kubectl get assistantrun "
                + name + "\n";
        return new Manifest(name, fileName, header + yaml);
    }

    /** {@code titanic} of {@code titanic.csv}: the download says which dataset it runs on. */
    private static String stem(String fileName) {
        String name = fileName == null ? "" : fileName;
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "-");
        return stem.isBlank() ? "assistantrun" : stem;
    }
}
