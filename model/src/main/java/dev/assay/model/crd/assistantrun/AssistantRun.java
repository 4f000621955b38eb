package dev.assay.model.crd.assistantrun;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Apply a plan of whitelisted actions to a profiled dataset: the operator validates the plan, runs the runner
 * image as a Job, and mirrors the run's result (actions applied, model metrics, artifact keys) into the status.
 */
// The CRD generator ignores it; CrdDescriptions writes it into the CRD at build time (kubectl explain).
@JsonClassDescription(
        "Apply a plan of whitelisted cleaning actions (and optionally train a model) to a profiled DatasetJob of the same "
                + "namespace. The operator validates the plan, runs the runner image as a batch/v1 Job, and mirrors the result "
                + "into the status: actions applied, rows and columns, the plan's semantic warnings, the model's score and the "
                + "artifact keys.")
@Group("assay.dev")
@Version("v1alpha1")
@Plural("assistantruns")
@ShortNames({"arun", "assayrun"})
@Categories("assay")
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class AssistantRun extends CustomResource<AssistantRunSpec, AssistantRunStatus> implements Namespaced {

    // Overridden only to describe spec and status in the CRD's schema (kubectl explain).
    @Override
    @JsonPropertyDescription(
            "The run: which DatasetJob, which plan of whitelisted actions, and the pod's resources and deadline.")
    public AssistantRunSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription(
            "What the operator observed: phase, conditions, the runner's progress, actions applied, the model's metrics and artifact keys. Written only by the operator.")
    public AssistantRunStatus getStatus() {
        return super.getStatus();
    }
}
