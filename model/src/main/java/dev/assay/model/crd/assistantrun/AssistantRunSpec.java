package dev.assay.model.crd.assistantrun;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.plan.Plan;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The run: which dataset, which plan. The plan is the same record the api and the LLM use; its action types are
 * an enum in this CRD's schema, and the operator and the runner validate it again in full.
 */
public record AssistantRunSpec(
        @Required
        @Pattern("^[a-z0-9][a-z0-9-]{0,62}$")
        @JsonPropertyDescription("Name of the DatasetJob (in this namespace) whose data the plan applies to.")
        String datasetRef,

        @Required
        @JsonPropertyDescription("The plan: an explanation and whitelisted actions, applied in order. Never code.")
        Plan plan,

        @JsonPropertyDescription("The request in plain words that produced the plan, kept for the audit trail.")
        String prompt,

        @JsonPropertyDescription("A name for people; defaults to the resource's name.")
        String runName,

        @JsonPropertyDescription("CPU and memory requests and limits of the runner pod; operator defaults when unset.")
        ResourceRequirements resources,

        @Min(30) @Max(86400) @JsonPropertyDescription("Seconds the run may take before it is stopped. Default 1800.")
        Long activeDeadlineSeconds) {}
