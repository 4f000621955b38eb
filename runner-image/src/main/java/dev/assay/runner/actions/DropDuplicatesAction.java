package dev.assay.runner.actions;

import dev.assay.model.plan.params.DropDuplicatesParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/** drop_duplicates: keeps the first of each group of rows equal in the given columns (all columns by default). */
final class DropDuplicatesAction implements DataAction<DropDuplicatesParams> {

    @Override
    public Table apply(Table table, DropDuplicatesParams params, ActionContext context, ActionLog log) {
        List<Column<?>> keyColumns = new ArrayList<>();
        if (params.columns().isEmpty()) {
            keyColumns.addAll(table.columns());
        } else {
            for (String name : params.columns()) {
                keyColumns.add(context.require(table, name));
            }
        }
        Set<List<String>> seen = new HashSet<>();
        Selection keep = new BitmapBackedSelection();
        for (int row = 0; row < table.rowCount(); row++) {
            List<String> key = new ArrayList<>(keyColumns.size());
            for (Column<?> column : keyColumns) {
                // Missing is not the empty string: null keeps the two apart.
                key.add(column.isMissing(row) ? null : column.getString(row));
            }
            if (seen.add(key)) {
                keep.add(row);
            }
        }
        log.param("columns", keyColumns.stream().map(Column::name).toList());
        log.param("rows_dropped", table.rowCount() - keep.size());
        return keep.size() == table.rowCount() ? table : table.where(keep);
    }
}
