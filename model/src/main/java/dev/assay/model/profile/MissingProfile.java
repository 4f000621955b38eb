package dev.assay.model.profile;

import java.util.List;
import java.util.Map;

/**
 * @param counts   missing values per column, for every column
 * @param together nullity correlation between the columns that have missing values: near 1 when they go
 *                 missing in the same rows
 * @param patterns the most common combinations of missing columns, with how many rows have each
 * @param matrix   where in the rows each column is missing, in bins
 */
public record MissingProfile(
        Map<String, Long> counts, CorrelationMatrix together, List<MissingPattern> patterns, MissingMatrix matrix) {

    public MissingProfile {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        patterns = List.copyOf(patterns);
        // Profiles written before the matrix was drawn have none.
        matrix = matrix == null ? MissingMatrix.empty() : matrix;
    }

    public MissingProfile(Map<String, Long> counts, CorrelationMatrix together, List<MissingPattern> patterns) {
        this(counts, together, patterns, MissingMatrix.empty());
    }

    public record MissingPattern(List<String> columns, long rows) {
        public MissingPattern {
            columns = List.copyOf(columns);
        }
    }
}
