package dev.assay.model.crd.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A Kubernetes-style condition. Types are {@link ConditionType}, reasons {@link Reason}.
 */
public record Condition(
        @JsonPropertyDescription("What the condition is about: Valid, Ready, JobCreated, Running, Retrying, Complete, "
                + "Failed, SpecChanged or Reconciled.")
        String type,

        @JsonPropertyDescription("True, False or Unknown.") String status,

        @JsonPropertyDescription("A one-word reason in CamelCase, e.g. Unschedulable, DeadlineExceeded, "
                + "SourceMissing, PlanRefused, InfrastructureFailure.")
        String reason,

        @JsonPropertyDescription("A sentence a person can act on.")
        String message,

        @JsonPropertyDescription("When the status last changed (RFC 3339).")
        String lastTransitionTime) {}
