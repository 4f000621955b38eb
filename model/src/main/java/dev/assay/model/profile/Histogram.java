package dev.assay.model.profile;

import java.util.List;

/** counts.size() bins; edges has one more element than counts. */
public record Histogram(List<Double> edges, List<Long> counts) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
    }
}
