package dev.assay.runner.profile;

import dev.assay.model.profile.Histogram;
import java.util.ArrayList;
import java.util.List;

/** Equal-width histograms; integers with few distinct values get one bin per value. */
final class Histograms {

    static final int BINS = 20;

    private Histograms() {}

    static Histogram of(double[] sorted, int n, boolean integers) {
        if (n == 0) {
            return new Histogram(List.of(), List.of());
        }
        double min = sorted[0];
        double max = sorted[n - 1];
        int bins = BINS;
        if (integers && max - min < BINS) {
            bins = (int) (max - min) + 1;
            min -= 0.5;
            max += 0.5;
        } else if (min == max) {
            bins = 1;
            min -= 0.5;
            max += 0.5;
        }
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (int i = 0; i < n; i++) {
            int bin = (int) ((sorted[i] - min) / width);
            counts[Math.min(bins - 1, Math.max(0, bin))]++;
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        for (int i = 0; i <= bins; i++) {
            edges.add(min + width * i);
        }
        List<Long> list = new ArrayList<>(bins);
        for (long count : counts) {
            list.add(count);
        }
        return new Histogram(edges, list);
    }
}
