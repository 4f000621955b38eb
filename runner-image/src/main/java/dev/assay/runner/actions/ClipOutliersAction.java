package dev.assay.runner.actions;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.plan.params.ClipMethod;
import dev.assay.model.plan.params.ClipOutliersParams;
import dev.assay.runner.table.Columns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * clip_outliers: values below the lower limit are set to it, values above the upper one likewise. Limits are
 * the IQR fences (Q1 - factor*IQR, Q3 + factor*IQR) or two quantiles. Integer columns keep whole numbers:
 * their limits are rounded inwards.
 */
final class ClipOutliersAction implements DataAction<ClipOutliersParams> {

    @Override
    public Table apply(Table table, ClipOutliersParams params, ActionContext context, ActionLog log) {
        List<ColumnInfo> targets = params.resolve(context.schema(), context.step());
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        for (ColumnInfo info : targets) {
            NumericColumn<?> column = context.requireNumeric(table, info.name());
            double[] values = Columns.doubles(column);
            double[] sorted = Columns.sortedPresent(values);
            if (sorted.length == 0) {
                continue;
            }
            double low;
            double high;
            if (params.method() == ClipMethod.IQR) {
                double q1 = Columns.quantile(sorted, 0.25);
                double q3 = Columns.quantile(sorted, 0.75);
                low = q1 - params.fenceFactor() * (q3 - q1);
                high = q3 + params.fenceFactor() * (q3 - q1);
            } else {
                low = Columns.quantile(sorted, params.lowerQuantile());
                high = Columns.quantile(sorted, params.upperQuantile());
            }
            if (Columns.isIntegral(column)) {
                low = Math.ceil(low);
                high = Math.floor(high);
            }
            long below = 0;
            long above = 0;
            for (int row = 0; row < values.length; row++) {
                if (values[row] < low) {
                    values[row] = low;
                    below++;
                } else if (values[row] > high) {
                    values[row] = high;
                    above++;
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lower", low);
            entry.put("upper", high);
            entry.put("clipped_below", below);
            entry.put("clipped_above", above);
            limits.put(info.name(), entry);
            if (below + above > 0) {
                table.replaceColumn(info.name(), Columns.numericLike(column, info.name(), values));
            }
        }
        log.param("columns", targets.stream().map(ColumnInfo::name).toList());
        log.param("limits", limits);
        return table;
    }
}
