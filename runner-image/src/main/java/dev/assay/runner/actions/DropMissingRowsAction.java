package dev.assay.runner.actions;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.plan.params.DropMissingRowsParams;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/** drop_missing_rows: removes rows with a missing value in any column, or in the given columns only. */
final class DropMissingRowsAction implements DataAction<DropMissingRowsParams> {

    @Override
    public Table apply(Table table, DropMissingRowsParams params, ActionContext context, ActionLog log) {
        List<ColumnInfo> targets = params.resolve(context.schema());
        List<Column<?>> columns = new ArrayList<>();
        for (ColumnInfo info : targets) {
            columns.add(context.require(table, info.name()));
        }
        Selection keep = new BitmapBackedSelection();
        for (int row = 0; row < table.rowCount(); row++) {
            boolean complete = true;
            for (Column<?> column : columns) {
                if (column.isMissing(row)) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                keep.add(row);
            }
        }
        int dropped = table.rowCount() - keep.size();
        log.param("columns", targets.stream().map(ColumnInfo::name).toList());
        log.param("rows_dropped", dropped);
        if (dropped > 0 && keep.isEmpty()) {
            log.warn(
                    "every row had a missing value in " + (params.columns().isEmpty() ? "some column" : "these columns")
                            + ": no row is left (drop the mostly empty columns first, or impute)");
        } else if (dropped > table.rowCount() / 2) {
            log.warn(dropped + " of " + table.rowCount() + " rows were dropped");
        }
        return dropped == 0 ? table : table.where(keep);
    }
}
