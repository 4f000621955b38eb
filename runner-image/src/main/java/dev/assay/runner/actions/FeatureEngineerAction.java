package dev.assay.runner.actions;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.assay.model.plan.params.BinStrategy;
import dev.assay.model.plan.params.DatePart;
import dev.assay.model.plan.params.FeatureEngineerParams;
import dev.assay.runner.table.Columns;
import dev.assay.runner.table.TableSchema;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * feature_engineer: adds columns by one operation of a closed set. Nothing is evaluated: the operation is an
 * enum, the inputs are column names, and regex_extract runs on RE2/J, whose matching time is linear in the
 * input whatever the pattern, so no plan can hang the runner.
 */
final class FeatureEngineerAction implements DataAction<FeatureEngineerParams> {

    @Override
    public Table apply(Table table, FeatureEngineerParams params, ActionContext context, ActionLog log) {
        List<String> outputs = params.outputColumns();
        for (String output : outputs) {
            if (table.containsColumn(output)) {
                throw context.failure(output, "the column already exists; choose another new_column");
            }
        }
        List<Column<?>> added = switch (params.operation()) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE ->
                List.of(arithmetic(table, params, outputs.getFirst(), context, log));
            case LOG1P -> List.of(log1p(table, params.columns().getFirst(), outputs.getFirst(), context, log));
            case BIN -> List.of(bin(table, params, outputs.getFirst(), context, log));
            case DATE_PARTS -> dateParts(table, params, context, log);
            case TEXT_LENGTH -> List.of(textLength(table, params.columns().getFirst(), outputs.getFirst(), context));
            case REGEX_EXTRACT -> List.of(regexExtract(table, params, outputs.getFirst(), context, log));
        };
        added.forEach(table::addColumns);
        log.param("new_columns", outputs);
        return table;
    }

    private static Column<?> arithmetic(
            Table table, FeatureEngineerParams params, String output, ActionContext context, ActionLog log) {
        double[] left =
                Columns.doubles(context.requireNumeric(table, params.columns().get(0)));
        double[] right =
                Columns.doubles(context.requireNumeric(table, params.columns().get(1)));
        double[] result = new double[left.length];
        long byZero = 0;
        for (int row = 0; row < result.length; row++) {
            double a = left[row];
            double b = right[row];
            result[row] = switch (params.operation()) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                default -> {
                    if (b == 0 && !Double.isNaN(a)) {
                        byZero++;
                        yield Double.NaN;
                    }
                    yield a / b;
                }
            };
            if (Double.isInfinite(result[row])) {
                result[row] = Double.NaN;
            }
        }
        if (byZero > 0) {
            log.warn(byZero + " row" + (byZero == 1 ? " divides" : "s divide") + " by zero ('"
                    + params.columns().get(1) + "' is 0): '" + output + "' is missing there");
        }
        return DoubleColumn.create(output, result);
    }

    private static Column<?> log1p(Table table, String input, String output, ActionContext context, ActionLog log) {
        double[] values = Columns.doubles(context.requireNumeric(table, input));
        long negative = 0;
        long undefined = 0;
        double[] result = new double[values.length];
        for (int row = 0; row < values.length; row++) {
            double v = values[row];
            if (v < 0) {
                negative++;
            }
            if (v <= -1) {
                undefined++;
                result[row] = Double.NaN;
            } else {
                result[row] = Math.log1p(v);
            }
        }
        if (negative > 0) {
            log.warn("'" + input + "' has " + negative + " negative value" + (negative == 1 ? "" : "s")
                    + "; log1p is meant for counts and amounts of zero or more"
                    + (undefined > 0
                            ? "; " + undefined + " value" + (undefined == 1 ? " is" : "s are")
                                    + " -1 or less, where log1p is undefined, so '" + output + "' is missing there"
                            : ""));
        }
        return DoubleColumn.create(output, result);
    }

    private static Column<?> bin(
            Table table, FeatureEngineerParams params, String output, ActionContext context, ActionLog log) {
        String input = params.columns().getFirst();
        double[] values = Columns.doubles(context.requireNumeric(table, input));
        double[] sorted = Columns.sortedPresent(values);
        int bins = params.binCount();
        IntColumn out = IntColumn.create(output, values.length);
        if (sorted.length == 0) {
            for (int row = 0; row < values.length; row++) {
                out.setMissing(row);
            }
            log.warn("'" + input + "' has no values to bin");
            return out;
        }
        // Inner edges: a value goes to the number of edges it is above (intervals closed on the right, as pandas).
        double[] edges = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            edges[i - 1] = params.binning() == BinStrategy.QUANTILE
                    ? Columns.quantile(sorted, (double) i / bins)
                    : sorted[0] + (sorted[sorted.length - 1] - sorted[0]) * i / bins;
        }
        double[] distinct = Arrays.stream(edges).distinct().toArray();
        if (distinct.length < edges.length) {
            log.warn("'" + input + "' has many equal values: " + (distinct.length + 1) + " bins instead of " + bins);
        }
        for (int row = 0; row < values.length; row++) {
            if (Double.isNaN(values[row])) {
                out.setMissing(row);
                continue;
            }
            int index = Arrays.binarySearch(distinct, values[row]);
            out.set(row, index >= 0 ? index : -index - 1);
        }
        log.param("edges", Arrays.stream(distinct).boxed().toList());
        return out;
    }

    private static List<Column<?>> dateParts(
            Table table, FeatureEngineerParams params, ActionContext context, ActionLog log) {
        String input = params.columns().getFirst();
        Column<?> column = context.require(table, input);
        LocalDateTime[] times = new LocalDateTime[column.size()];
        boolean hasTime = true;
        for (int row = 0; row < times.length; row++) {
            if (column.isMissing(row)) {
                continue;
            }
            times[row] = switch (column) {
                case DateTimeColumn c -> c.get(row);
                case DateColumn c -> c.get(row).atStartOfDay();
                case InstantColumn c -> LocalDateTime.ofInstant(c.get(row), ZoneOffset.UTC);
                default ->
                    throw context.failure(
                            input,
                            "the column holds " + TableSchema.typeOf(column).wireName()
                                    + " values; date_parts needs dates (cast it to datetime first)");
            };
        }
        if (column instanceof DateColumn && params.parts().contains(DatePart.HOUR)) {
            hasTime = false;
            log.warn("'" + input + "' holds dates without a time of day: its hour is 0 everywhere");
        }
        List<Column<?>> out = new ArrayList<>();
        List<String> names = params.outputColumns();
        for (int p = 0; p < params.parts().size(); p++) {
            DatePart part = params.parts().get(p);
            IntColumn values = IntColumn.create(names.get(p), times.length);
            for (int row = 0; row < times.length; row++) {
                LocalDateTime t = times[row];
                if (t == null) {
                    values.setMissing(row);
                    continue;
                }
                values.set(
                        row,
                        switch (part) {
                            case YEAR -> t.getYear();
                            case MONTH -> t.getMonthValue();
                            case DAY -> t.getDayOfMonth();
                            case WEEKDAY -> t.getDayOfWeek().getValue();
                            case HOUR -> hasTime ? t.getHour() : 0;
                        });
            }
            out.add(values);
        }
        if (params.parts().contains(DatePart.WEEKDAY)) {
            log.param("weekday", "1 = Monday … 7 = Sunday");
        }
        return out;
    }

    private static Column<?> textLength(Table table, String input, String output, ActionContext context) {
        Column<?> column = context.require(table, input);
        IntColumn out = IntColumn.create(output, column.size());
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                out.setMissing(row);
            } else {
                String text = column.getString(row);
                out.set(row, text.codePointCount(0, text.length()));
            }
        }
        return out;
    }

    private static Column<?> regexExtract(
            Table table, FeatureEngineerParams params, String output, ActionContext context, ActionLog log) {
        String input = params.columns().getFirst();
        Column<?> column = context.require(table, input);
        Pattern pattern = Pattern.compile(params.regex().orElseThrow());
        int group = params.groupIndex();
        StringColumn out = StringColumn.create(output);
        long unmatched = 0;
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                out.appendMissing();
                continue;
            }
            Matcher matcher = pattern.matcher(column.getString(row));
            String found = matcher.find() ? matcher.group(group) : null;
            if (found == null || found.isEmpty()) {
                unmatched++;
                out.appendMissing();
            } else {
                out.append(found);
            }
        }
        log.param("group", group);
        if (unmatched > 0) {
            log.warn(unmatched + " value" + (unmatched == 1 ? "" : "s") + " of '" + input
                    + "' did not match the pattern: '" + output + "' is missing there");
        }
        return out;
    }
}
