package dev.assay.runner.actions;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.plan.params.EncodeMethod;
import dev.assay.model.plan.params.EncodeParams;
import dev.assay.runner.table.Columns;
import dev.assay.runner.table.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * encode: one-hot (one 0/1 column per category, most frequent first, at most the cap; the rest share
 * {@code <column>_other}) or label (one integer code per category, in sorted order). The encoded column is
 * replaced by its one-hot columns, appended at the end, as validation projected.
 */
final class EncodeAction implements DataAction<EncodeParams> {

    @Override
    public Table apply(Table table, EncodeParams params, ActionContext context, ActionLog log) {
        List<ColumnInfo> targets = params.resolve(context.schema(), context.step());
        log.param("columns", targets.stream().map(ColumnInfo::name).toList());
        if (params.method() == EncodeMethod.LABEL) {
            Map<String, Map<String, Integer>> codes = new LinkedHashMap<>();
            for (ColumnInfo info : targets) {
                Column<?> column = context.require(table, info.name());
                Map<String, Integer> mapping = labelCodes(column);
                table.replaceColumn(info.name(), labelled(column, mapping));
                codes.put(info.name(), mapping.size() <= 50 ? mapping : Map.of());
            }
            log.param("codes", codes);
            return table;
        }
        int cap = params.maxCategories() != null
                ? params.categoryCap()
                : context.config().maxOneHotCategories();
        log.param("max_categories", cap);
        Map<String, List<String>> added = new LinkedHashMap<>();
        for (ColumnInfo info : targets) {
            Column<?> column = context.require(table, info.name());
            List<Column<?>> dummies = oneHot(column, cap, table, log);
            if (table.columnCount() - 1 + dummies.size() > context.config().maxColumns()) {
                throw context.failure(
                        info.name(),
                        "one-hot encoding would make " + (table.columnCount() - 1 + dummies.size())
                                + " columns, more than the limit of "
                                + context.config().maxColumns()
                                + "; lower max_categories or use method label");
            }
            table.removeColumns(info.name());
            dummies.forEach(table::addColumns);
            added.put(info.name(), dummies.stream().map(Column::name).toList());
        }
        log.param("new_columns", added);
        return table;
    }

    private static List<Column<?>> oneHot(Column<?> column, int cap, Table table, ActionLog log) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                counts.merge(column.getString(row), 1, Integer::sum);
            }
        }
        List<String> categories = TableSchema.byFrequency(counts);
        List<String> kept = categories.subList(0, Math.min(cap, categories.size()));
        List<String> folded = categories.subList(kept.size(), categories.size());
        Map<String, Integer> slot = new HashMap<>();
        List<Column<?>> dummies = new ArrayList<>();
        for (String category : kept) {
            slot.put(category, dummies.size());
            dummies.add(
                    IntColumn.create(uniqueName(column.name() + "_" + category, table, dummies, log), column.size()));
        }
        if (!folded.isEmpty()) {
            dummies.add(IntColumn.create(uniqueName(column.name() + "_other", table, dummies, log), column.size()));
            long rows = folded.stream().mapToLong(counts::get).sum();
            log.warn(folded.size() + " rarer categor" + (folded.size() == 1 ? "y" : "ies") + " of '" + column.name()
                    + "' ("
                    + rows + " rows, for example " + Columns.examples(folded, 3) + ") were folded into '"
                    + dummies.getLast().name() + "' (cap " + cap + "; raise max_categories to keep more)");
        }
        for (int row = 0; row < column.size(); row++) {
            int hot = column.isMissing(row) ? -1 : slot.getOrDefault(column.getString(row), dummies.size() - 1);
            for (int d = 0; d < dummies.size(); d++) {
                ((IntColumn) dummies.get(d)).set(row, d == hot ? 1 : 0);
            }
        }
        if (missing > 0) {
            log.warn(missing + " row" + (missing == 1 ? " has" : "s have") + " no value in '" + column.name()
                    + "': all " + column.name() + "_* columns are 0 there (impute first to give them a category)");
        }
        return dummies;
    }

    /** A category named like an existing column (or two categories differing only after naming) must not clash. */
    private static String uniqueName(String wanted, Table table, List<Column<?>> pending, ActionLog log) {
        String name = wanted;
        int suffix = 2;
        while (taken(name, table, pending)) {
            name = wanted + "_" + suffix++;
        }
        if (!name.equals(wanted)) {
            log.warn("column '" + wanted + "' already exists; the new column is named '" + name + "'");
        }
        return name;
    }

    private static boolean taken(String name, Table table, List<Column<?>> pending) {
        return table.containsColumn(name) || pending.stream().map(Column::name).anyMatch(name::equals);
    }

    /** Codes in sorted order of the categories (numerically for numbers), so equal data gives equal codes. */
    private static Map<String, Integer> labelCodes(Column<?> column) {
        List<String> categories = new ArrayList<>();
        Map<String, Double> numeric = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && seen.add(column.getString(row))) {
                categories.add(column.getString(row));
                if (column instanceof NumericColumn<?> numbers) {
                    numeric.put(column.getString(row), numbers.getDouble(row));
                }
            }
        }
        categories.sort(
                column instanceof NumericColumn<?> ? Comparator.comparing(numeric::get) : Comparator.naturalOrder());
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String category : categories) {
            codes.put(category, codes.size());
        }
        return codes;
    }

    private static IntColumn labelled(Column<?> column, Map<String, Integer> codes) {
        IntColumn out = IntColumn.create(column.name(), column.size());
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                out.setMissing(row);
            } else {
                out.set(row, codes.get(column.getString(row)));
            }
        }
        return out;
    }
}
