package dev.assay.model.result;

import dev.assay.model.plan.params.ActionType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * The execution log of one action.
 *
 * @param params         the parameters as run, with "every column" resolved to the actual columns
 * @param cellsChanged   cells whose value this step changed (added or removed columns not counted)
 * @param warnings       e.g. values that failed to convert, categories folded into _other
 * @param cellsChangedByColumn the same count per column, for the columns this step changed (filled cells of
 *                             an impute are its invented cells)
 */
@NullMarked
public record StepLog(
        int index,
        ActionType type,
        Map<String, Object> params,
        long rowsBefore,
        long rowsAfter,
        int columnsBefore,
        int columnsAfter,
        long cellsChanged,
        long missingBefore,
        long missingAfter,
        List<String> columnsAdded,
        List<String> columnsRemoved,
        List<String> warnings,
        long millis,
        Map<String, Long> cellsChangedByColumn) {

    public StepLog {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        columnsAdded = List.copyOf(columnsAdded);
        columnsRemoved = List.copyOf(columnsRemoved);
        warnings = List.copyOf(warnings);
        cellsChangedByColumn = cellsChangedByColumn == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cellsChangedByColumn));
    }

    public StepLog(
            int index,
            ActionType type,
            Map<String, Object> params,
            long rowsBefore,
            long rowsAfter,
            int columnsBefore,
            int columnsAfter,
            long cellsChanged,
            long missingBefore,
            long missingAfter,
            List<String> columnsAdded,
            List<String> columnsRemoved,
            List<String> warnings,
            long millis) {
        this(
                index,
                type,
                params,
                rowsBefore,
                rowsAfter,
                columnsBefore,
                columnsAfter,
                cellsChanged,
                missingBefore,
                missingAfter,
                columnsAdded,
                columnsRemoved,
                warnings,
                millis,
                Map.of());
    }
}
