package dev.assay.operator.lifecycle;

/** Whether a resource can start: ready with the artifact key its runner reads, waiting, or never. */
public sealed interface Prerequisite {

    record Ready(String sourceKey) implements Prerequisite {
    }

    record Waiting(String reason, String message) implements Prerequisite {
    }

    record Impossible(String reason, String message) implements Prerequisite {
    }
}
