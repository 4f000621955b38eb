package dev.assay.model.crd.common;

/** The lifecycle of a DatasetJob or AssistantRun. Pending → Running → Succeeded or Failed; the last two are final. */
public enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed;

    public boolean finished() {
        return this == Succeeded || this == Failed;
    }
}
