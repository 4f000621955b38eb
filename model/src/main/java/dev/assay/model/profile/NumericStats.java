package dev.assay.model.profile;

/**
 * Statistics of the finite values of a numeric column; infinite values are counted apart.
 *
 * @param smallest the five smallest distinct values, smallest first (extreme values, for a glance at outliers)
 * @param largest  the five largest distinct values, largest first
 */
public record NumericStats(
        double mean,
        double std,
        double min,
        double p5,
        double q1,
        double median,
        double q3,
        double p95,
        double max,
        double skewness,
        double kurtosis,
        long zeros,
        long negatives,
        long infinite,
        Histogram histogram,
        java.util.List<Double> smallest,
        java.util.List<Double> largest) {

    public NumericStats {
        smallest = smallest == null ? java.util.List.of() : java.util.List.copyOf(smallest);
        largest = largest == null ? java.util.List.of() : java.util.List.copyOf(largest);
    }

    public NumericStats(
            double mean,
            double std,
            double min,
            double p5,
            double q1,
            double median,
            double q3,
            double p95,
            double max,
            double skewness,
            double kurtosis,
            long zeros,
            long negatives,
            long infinite,
            Histogram histogram) {
        this(
                mean,
                std,
                min,
                p5,
                q1,
                median,
                q3,
                p95,
                max,
                skewness,
                kurtosis,
                zeros,
                negatives,
                infinite,
                histogram,
                java.util.List.of(),
                java.util.List.of());
    }
}
