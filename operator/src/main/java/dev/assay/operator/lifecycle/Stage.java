package dev.assay.operator.lifecycle;

/**
 * Where a resource is in its lifecycle, read from its status: no Job yet, a Job running, or finished. Each
 * stage has one handler in {@link Lifecycle}.
 */
public enum Stage {
    NEW,
    ACTIVE,
    FINISHED;

    static Stage of(RunState state) {
        if (state.phase().finished()) {
            return FINISHED;
        }
        return state.jobName() == null ? NEW : ACTIVE;
    }
}
