package dev.assay.model.profile;

import java.util.List;

/** ISO-8601 values; edges has one more element than counts. */
public record DateStats(String min, String max, List<String> edges, List<Long> counts) {

    public DateStats {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
    }
}
