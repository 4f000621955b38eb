package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.Reason;

/**
 * Whether a resource can start: ready with the artifact key its runner reads (in the resource's namespace) and how
 * the dataset is read, waiting, or never.
 */
public sealed interface Prerequisite {

    record Ready(String sourceKey, boolean dropDuplicates) implements Prerequisite {}

    record Waiting(Reason reason, String message) implements Prerequisite {}

    record Impossible(Reason reason, String message) implements Prerequisite {}
}
