package dev.assay.model.profile;

import java.util.List;

/** values.get(i).get(j) pairs columns i and j; null where undefined (a constant column). */
public record CorrelationMatrix(List<String> columns, List<List<Double>> values) {

    public CorrelationMatrix {
        columns = List.copyOf(columns);
        values = values.stream()
                .map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
    }

    public static CorrelationMatrix empty() {
        return new CorrelationMatrix(List.of(), List.of());
    }
}
