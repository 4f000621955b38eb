package dev.assay.model.crd.assistantrun;

import dev.assay.model.plan.Plan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AssistantRun that applies a plan to a dataset, as the api asks for it: created by its Kubernetes executor,
 * or exported as YAML for {@code kubectl apply -f}. One builder, so an exported run is the same resource the api
 * would have created, and both are the CRD's own classes, serialised by fabric8 as the API server reads them.
 *
 * @param name       the resource's name; the operator uses it as the run's id in the stores
 * @param namespace  where it goes; empty leaves {@code metadata.namespace} out, so kubectl's context decides
 * @param datasetRef the DatasetJob (same namespace) whose data the plan applies to
 * @param plan       the plan, already validated against the dataset by whoever asks
 * @param prompt     what the person asked, for the audit trail
 * @param runName    a name for people
 * @param createdBy  who made it ({@code app.kubernetes.io/created-by}); empty for a manifest a person applies
 */
public record AssistantRunManifest(
        String name,
        Optional<String> namespace,
        String datasetRef,
        Plan plan,
        Optional<String> prompt,
        Optional<String> runName,
        Optional<String> createdBy) {

    /** The label that ties a run to its dataset: the api deletes a dataset's runs by it. */
    public static final String LABEL_DATASET_JOB = "assay.dev/dataset-job";

    public AssistantRun resource() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/part-of", "assay");
        createdBy.ifPresent(who -> labels.put("app.kubernetes.io/created-by", who));
        labels.put(LABEL_DATASET_JOB, datasetRef);
        AssistantRun run = new AssistantRun();
        run.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace.orElse(null))
                .withLabels(labels)
                .build());
        run.setSpec(new AssistantRunSpec(datasetRef, plan, prompt.orElse(null), runName.orElse(null), null, null));
        return run;
    }

    /** The resource as one YAML document, ready for {@code kubectl apply -f}. */
    public String yaml() {
        return Serialization.asYaml(resource());
    }
}
