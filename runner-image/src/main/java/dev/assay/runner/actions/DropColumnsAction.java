package dev.assay.runner.actions;

import dev.assay.model.plan.params.DropColumnsParams;
import tech.tablesaw.api.Table;

/** drop_columns: removes the named columns. */
final class DropColumnsAction implements DataAction<DropColumnsParams> {

    @Override
    public Table apply(Table table, DropColumnsParams params, ActionContext context, ActionLog log) {
        for (String name : params.columns()) {
            context.require(table, name);
        }
        table.removeColumns(params.columns().toArray(String[]::new));
        return table;
    }
}
