package dev.assay.runner.actions;

import dev.assay.model.plan.params.RenameColumnsParams;
import dev.assay.model.plan.params.RenameColumnsParams.Rename;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** rename_columns: all renames at once, so {a to b, b to a} swaps two names. */
final class RenameColumnsAction implements DataAction<RenameColumnsParams> {

    @Override
    public Table apply(Table table, RenameColumnsParams params, ActionContext context, ActionLog log) {
        List<Integer> positions = new ArrayList<>();
        List<Column<?>> renamed = new ArrayList<>();
        for (Rename rename : params.renames()) {
            Column<?> column = context.require(table, rename.from());
            positions.add(table.columnIndex(column));
            // A copy, not setName on the original: the step's input must stay as it was for the log's comparison.
            renamed.add(column.copy().setName(rename.to()));
            log.renamed(rename.from(), rename.to());
        }
        // A new table at once: replacing one by one would meet a duplicate name halfway through a swap.
        List<Column<?>> columns = new ArrayList<>(table.columns());
        for (int i = 0; i < positions.size(); i++) {
            columns.set(positions.get(i), renamed.get(i));
        }
        return Table.create(table.name(), columns.toArray(Column<?>[]::new));
    }
}
