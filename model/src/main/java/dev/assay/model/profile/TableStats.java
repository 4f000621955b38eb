package dev.assay.model.profile;

import dev.assay.model.dataset.VariableKind;
import java.util.Map;

/**
 * @param duplicateRows exact duplicate rows found in the file (they are dropped on ingest; see {@link IngestReport})
 * @param memoryBytes   estimate of the table's size in memory
 * @param types         how many columns of each kind
 */
public record TableStats(
        long rows,
        int columns,
        long missingCells,
        double missingShare,
        long duplicateRows,
        long memoryBytes,
        Map<VariableKind, Integer> types) {

    public TableStats {
        types = Map.copyOf(types);
    }
}
