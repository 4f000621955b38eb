package dev.assay.runner.profile;

/** Statistics of a sorted array of finite values. */
final class Quantiles {

    private Quantiles() {}

    /** Linear interpolation between closest ranks (the default of numpy and pandas). */
    static double at(double[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double position = q * (n - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(n - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }
}
