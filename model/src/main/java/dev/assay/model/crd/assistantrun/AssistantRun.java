package dev.assay.model.crd.assistantrun;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Apply a plan of whitelisted actions to a profiled dataset: the operator validates the plan, runs the runner
 * image as a Job, and mirrors the run's result (actions applied, model metrics, artifact keys) into the status.
 */
@Group("assay.dev")
@Version("v1alpha1")
@Plural("assistantruns")
@ShortNames({"arun", "run"})
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class AssistantRun extends CustomResource<AssistantRunSpec, AssistantRunStatus> implements Namespaced {
}
