package dev.assay.runner.actions;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.plan.params.ScaleMethod;
import dev.assay.model.plan.params.ScaleParams;
import dev.assay.runner.table.Columns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * scale: standard score (mean 0, population standard deviation 1, as scikit-learn's StandardScaler) or
 * min-max (0 to 1). Missing values stay missing. A constant column cannot be scaled: it becomes 0, with a warning.
 */
final class ScaleAction implements DataAction<ScaleParams> {

    @Override
    public Table apply(Table table, ScaleParams params, ActionContext context, ActionLog log) {
        List<ColumnInfo> targets = params.resolve(context.schema(), context.step());
        Map<String, Map<String, Double>> fitted = new LinkedHashMap<>();
        for (ColumnInfo info : targets) {
            double[] values = Columns.doubles(context.requireNumeric(table, info.name()));
            double[] present = Columns.sortedPresent(values);
            if (present.length == 0) {
                log.warn("'" + info.name() + "' has no values to scale");
                continue;
            }
            double center;
            double spread;
            if (params.method() == ScaleMethod.STANDARD) {
                center = java.util.Arrays.stream(present).average().orElseThrow();
                double squares = 0;
                for (double v : present) {
                    squares += (v - center) * (v - center);
                }
                spread = Math.sqrt(squares / present.length);
                fitted.put(info.name(), Map.of("mean", center, "std", spread));
            } else {
                center = present[0];
                spread = present[present.length - 1] - present[0];
                fitted.put(info.name(), Map.of("min", center, "max", present[present.length - 1]));
            }
            if (spread == 0 || !Double.isFinite(spread)) {
                log.warn("'" + info.name() + "' has a single value, so it cannot be scaled; it is now 0");
                spread = 1;
            }
            double[] scaled = new double[values.length];
            for (int row = 0; row < values.length; row++) {
                scaled[row] = (values[row] - center) / spread;
            }
            table.replaceColumn(info.name(), DoubleColumn.create(info.name(), scaled));
        }
        log.param("columns", targets.stream().map(ColumnInfo::name).toList());
        log.param("fitted", fitted);
        return table;
    }
}
