package dev.assay.runner.core;

/** Told how far long work has got, so a person sees progress instead of a spinner. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (percent, stage) -> {};

    /**
     * @param percent 0 to 100, never going backwards within one task
     * @param stage   a few words: "reading", "profiling columns", "training random_forest (fold 3/5)"
     */
    void update(int percent, String stage);

    /** A listener for one part of the work, whose own 0-100 maps onto {@code from}-{@code to} of this one. */
    default ProgressListener slice(int from, int to) {
        return new ProgressSlice(this, from, to);
    }
}
