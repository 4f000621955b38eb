package dev.assay.model.profile;

/** Statistics of the finite values of a numeric column; infinite values are counted apart. */
public record NumericStats(double mean, double std, double min, double p5, double q1, double median, double q3,
                           double p95, double max, double skewness, double kurtosis, long zeros, long negatives,
                           long infinite, Histogram histogram) {
}
