package dev.assay.runner.actions;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.plan.params.ImputeParams;
import dev.assay.model.plan.params.ImputeStrategy;
import dev.assay.runner.table.Columns;
import dev.assay.runner.table.TableSchema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * impute: fills missing values per column with the median, mean, most frequent value, zero or a constant.
 * Integer columns stay integers: a fractional median or mean is rounded, and the log says so.
 */
final class ImputeAction implements DataAction<ImputeParams> {

    @Override
    public Table apply(Table table, ImputeParams params, ActionContext context, ActionLog log) {
        List<ColumnInfo> targets = params.resolve(context.schema(), context.step());
        List<String> indicators = new java.util.ArrayList<>();
        Map<String, Object> filledWith = new LinkedHashMap<>();
        Map<String, String> strategies = new LinkedHashMap<>();
        for (ColumnInfo info : targets) {
            Column<?> column = context.require(table, info.name());
            ImputeStrategy strategy = params.strategyFor(info);
            if (strategy != params.strategy()) {
                strategies.put(info.name(), strategy.wireName());
            }
            if (column.countMissing() == 0) {
                continue;
            }
            if (params.indicator()) {
                // Recorded before filling: afterwards invented and measured values look alike.
                IntColumn flag = IntColumn.create(ImputeParams.indicatorName(info.name()), column.size());
                for (int row = 0; row < column.size(); row++) {
                    flag.set(row, column.isMissing(row) ? 1 : 0);
                }
                table.addColumns(flag);
                indicators.add(flag.name());
            }
            if (column.countMissing() == column.size()
                    && (strategy != ImputeStrategy.CONSTANT && strategy != ImputeStrategy.ZERO)) {
                log.warn("'" + info.name() + "' has no values at all, so its " + strategy.wireName()
                        + " is unknown; the column was left as it is");
                continue;
            }
            Column<?> filled = switch (strategy) {
                case MEDIAN, MEAN, ZERO -> fillNumber(column, strategy, context, log, filledWith);
                case MODE -> fillMode(column, filledWith);
                case CONSTANT -> fillConstant(column, params.constant().orElseThrow(), context, filledWith);
            };
            table.replaceColumn(info.name(), filled);
        }
        log.param("columns", targets.stream().map(ColumnInfo::name).toList());
        if (!strategies.isEmpty()) {
            log.param("strategy_by_column", strategies);
        }
        log.param("filled_with", filledWith);
        if (!indicators.isEmpty()) {
            log.param("indicators_added", indicators);
        }
        return table;
    }

    private static Column<?> fillNumber(
            Column<?> column,
            ImputeStrategy strategy,
            ActionContext context,
            ActionLog log,
            Map<String, Object> filledWith) {
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw context.failure(
                    column.name(),
                    strategy.wireName() + " needs numbers; the column holds "
                            + TableSchema.typeOf(column).wireName() + " values (use mode or constant)");
        }
        double[] values = Columns.doubles(numbers);
        double[] present = Columns.sortedPresent(values);
        double fill = switch (strategy) {
            case MEDIAN -> Columns.quantile(present, 0.5);
            case MEAN -> Arrays.stream(present).average().orElse(Double.NaN);
            default -> 0.0;
        };
        if (Columns.isIntegral(column) && fill != Math.rint(fill)) {
            long rounded = Math.round(fill);
            log.warn("'" + column.name() + "' holds whole numbers: its " + strategy.wireName() + " " + fill
                    + " was rounded to " + rounded);
            fill = rounded;
        }
        for (int row = 0; row < values.length; row++) {
            if (Double.isNaN(values[row])) {
                values[row] = fill;
            }
        }
        filledWith.put(column.name(), Columns.isIntegral(column) ? (Object) (long) fill : (Object) fill);
        return Columns.numericLike(column, column.name(), values);
    }

    private static <T> Column<T> fillMode(Column<T> column, Map<String, Object> filledWith) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                String key = column.getString(row);
                counts.merge(key, 1, Integer::sum);
                firstRow.putIfAbsent(key, row);
            }
        }
        String mode = TableSchema.byFrequency(counts).getFirst();
        T value = column.get(firstRow.get(mode));
        filledWith.put(column.name(), mode);
        return fillWith(column, value);
    }

    private static <T> Column<T> fillConstant(
            Column<T> column, String constant, ActionContext context, Map<String, Object> filledWith) {
        Column<T> parsed = column.emptyCopy();
        try {
            parsed.appendCell(constant.strip());
        } catch (RuntimeException e) {
            throw context.failure(
                    column.name(),
                    "the constant '" + constant + "' cannot be stored in a "
                            + TableSchema.typeOf(column).wireName() + " column");
        }
        if (parsed.isMissing(0)) {
            throw context.failure(column.name(), "the constant '" + constant + "' reads as a missing value");
        }
        filledWith.put(column.name(), parsed.getString(0));
        return fillWith(column, parsed.get(0));
    }

    private static <T> Column<T> fillWith(Column<T> column, T value) {
        Column<T> filled = column.copy();
        for (int row = 0; row < filled.size(); row++) {
            if (filled.isMissing(row)) {
                filled.set(row, value);
            }
        }
        return filled;
    }
}
