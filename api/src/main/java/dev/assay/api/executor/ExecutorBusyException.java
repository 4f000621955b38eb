package dev.assay.api.executor;

import java.time.Duration;

/** The executor cannot take more work now; the request may be repeated after {@link #retryAfter()}. */
public class ExecutorBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ExecutorBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
