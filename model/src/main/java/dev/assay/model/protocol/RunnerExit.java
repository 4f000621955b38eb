package dev.assay.model.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a runner process ends. The operator reads the runner container's exit code and decides from it alone
 * whether another attempt could end differently: a refused plan, a missing source or a bad file fail the same way
 * every time, so the run fails at once; only failures of the machinery are tried again.
 */
public enum RunnerExit {
    DONE(0, false, "done"),
    /** Something unexpected: a bug or the machinery (the runner logs a reference). Tried again. */
    FAILED(1, true, "the runner failed unexpectedly"),
    /** Wrong command line: the operator and runner disagree; another attempt would fail the same way. */
    USAGE(2, false, "the runner was called with wrong arguments"),
    /** The plan was refused (unknown column, wrong type, unreadable plan). */
    PLAN_REFUSED(3, false, "the plan was refused"),
    /** The source object does not exist or cannot be read. */
    SOURCE_MISSING(4, false, "the source does not exist"),
    /** The file is not usable data (not CSV, binary, too large, no rows). */
    BAD_INPUT(5, false, "the file cannot be used"),
    /** The artifact store or Redis could not be reached: the machinery, tried again. */
    STORE_UNREACHABLE(6, true, "a store could not be reached");

    private final int code;
    private final boolean retryable;
    private final String meaning;

    RunnerExit(int code, boolean retryable, String meaning) {
        this.code = code;
        this.retryable = retryable;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Whether another attempt could end differently (the machinery failed, not the input). */
    public boolean retryable() {
        return retryable;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<RunnerExit> of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
