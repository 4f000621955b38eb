package dev.assay.model.profile;

import java.util.List;

/**
 * Present in a profile computed in streaming mode (a file above the streaming threshold, read in bounded memory):
 * which figures are estimates from sketches, and how far off each can be. Every figure not listed is exact.
 *
 * @param reason        why the profile streamed, in words for a person
 * @param thresholdBytes the size above which files stream
 * @param figures       every estimated figure, column by column
 */
public record Estimates(String reason, long thresholdBytes, List<Figure> figures) {

    public Estimates {
        figures = List.copyOf(figures);
    }

    /** What an estimated figure's error is measured in. */
    public enum ErrorKind {
        /** The true rank of the value given for quantile q is within q ± error (KLL). */
        RANK,
        /** The true value is within estimate × (1 ± error) (HyperLogLog). */
        RELATIVE,
        /** The true count is within estimate ± error (frequent items). */
        COUNT,
        /** Computed on a uniform sample of rows; error is the number of rows sampled, not a bound. */
        SAMPLE
    }

    /**
     * One estimated figure.
     *
     * @param column     the column, or empty for a figure of the whole table
     * @param figure     the profile field estimated: quantiles, histogram, distinct, top, duplicate_rows, correlations
     * @param method     the sketch and its size, e.g. "KLL k=200"
     * @param error      the bound, in the unit {@code kind} says
     * @param confidence the probability that the bound holds (1 for a hard bound)
     */
    public record Figure(
            String column, String figure, String method, ErrorKind kind, double error, double confidence) {}

    /** Whether this column's {@code figure} is estimated. */
    public boolean estimated(String column, String figure) {
        return figures.stream()
                .anyMatch(f -> f.column().equals(column) && f.figure().equals(figure));
    }
}
