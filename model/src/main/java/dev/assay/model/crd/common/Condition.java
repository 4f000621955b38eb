package dev.assay.model.crd.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A Kubernetes-style condition. Types used: {@code JobCreated}, {@code Complete}, {@code Failed},
 * {@code SpecChanged}, {@code DatasetReady}, {@code Valid}.
 */
public record Condition(
        @JsonPropertyDescription("What the condition is about, e.g. JobCreated, Complete, Failed, SpecChanged.") String type,
        @JsonPropertyDescription("True, False or Unknown.") String status,
        @JsonPropertyDescription("A one-word reason in CamelCase.") String reason,
        @JsonPropertyDescription("A sentence a person can act on.") String message,
        @JsonPropertyDescription("When the status last changed (RFC 3339).") String lastTransitionTime) {
}
