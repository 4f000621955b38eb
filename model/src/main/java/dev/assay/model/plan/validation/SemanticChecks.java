package dev.assay.model.plan.validation;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.params.ActionParams;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ClipOutliersParams;
import dev.assay.model.plan.params.DropColumnsParams;
import dev.assay.model.plan.params.DropMissingRowsParams;
import dev.assay.model.plan.params.EncodeParams;
import dev.assay.model.plan.params.FeatureEngineerParams;
import dev.assay.model.plan.params.ImputeParams;
import dev.assay.model.plan.params.ImputeStrategy;
import dev.assay.model.plan.params.ScaleParams;
import dev.assay.model.plan.params.StepContext;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.plan.validation.PlanWarning.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The sense of a step, beyond its shape: what it would do to the data and to an evaluation, judged from the
 * schema the step receives (with the dataset's row count and strong correlations when the profile gave them).
 * Each warning names the step, the column, the number and a better alternative.
 */
final class SemanticChecks {

    /** Filling more than this share of a column's cells invents most of it. */
    static final double SPARSE_FILL_SHARE = 0.5;
    /** drop_missing_rows removing more than this share of rows changes what the data describes. */
    static final double DROP_ROWS_SHARE = 0.3;
    /** A text column with more distinct values than this is high-cardinality: its mode is one value among many. */
    static final int HIGH_CARDINALITY = 50;

    private SemanticChecks() {}

    /**
     * @param fromTarget columns earlier steps of the plan computed from the target (a deterministic function of it);
     *                   this step's outputs are added when it reads the target or one of them
     */
    static void review(
            int index,
            ActionParams params,
            DatasetSchema schema,
            StepContext context,
            java.util.Set<String> fromTarget,
            List<PlanWarning> out) {
        String action = params.type().wireName();
        if (params instanceof FeatureEngineerParams engineer
                && context.target().isPresent()
                && engineer.columns().stream().anyMatch(c -> context.isTarget(c) || fromTarget.contains(c))) {
            fromTarget.addAll(engineer.outputColumns());
        }
        switch (params) {
            case ImputeParams impute -> impute(index, action, impute, schema, context, out);
            case ScaleParams scale -> touchesTarget(index, action, scale.columns(), context, "scaling", out);
            case EncodeParams encode -> touchesTarget(index, action, encode.columns(), context, "encoding", out);
            case ClipOutliersParams clip -> touchesTarget(index, action, clip.columns(), context, "clipping", out);
            case DropColumnsParams drop -> touchesTarget(index, action, drop.columns(), context, "dropping", out);
            case DropMissingRowsParams drop -> dropRows(index, action, drop, schema, out);
            case TrainModelParams train -> {
                derived(index, action, train, schema, fromTarget, out);
                leaks(index, action, train, schema, out);
            }
            default -> {
                // The other actions change no values a model is judged on.
            }
        }
    }

    private static void impute(
            int index,
            String action,
            ImputeParams impute,
            DatasetSchema schema,
            StepContext context,
            List<PlanWarning> out) {
        context.target().flatMap(schema::find).filter(ColumnInfo::hasMissing).ifPresent(target -> {
            if (impute.columns().contains(target.name())) {
                out.add(new PlanWarning(
                        index,
                        action,
                        target.name(),
                        Severity.CRITICAL,
                        "fills_target",
                        figure(target.missing()),
                        "fills " + count(target.missing(), "missing value") + " of the target '" + target.name()
                                + "'" + ofRows(target.missing(), schema)
                                + " with invented labels; the model would then "
                                + "be trained and scored on them, and its score would say nothing about real outcomes.",
                        "leave '" + target.name() + "' out of the fill: the model then learns from the "
                                + (schema.rows() > 0 ? count(known(target, schema), "row") : "rows")
                                + " whose target is known."));
            } else if (impute.columns().isEmpty()) {
                out.add(new PlanWarning(
                        index,
                        action,
                        target.name(),
                        Severity.INFO,
                        "target_left_unfilled",
                        figure(target.missing()),
                        "leaves the target '" + target.name() + "' unfilled: its "
                                + count(target.missing(), "missing value")
                                + " stay missing and the model leaves "
                                + (target.missing() == 1 ? "that row" : "those rows")
                                + " out"
                                + (schema.rows() > 0
                                        ? ", learning from the " + count(known(target, schema), "row")
                                                + " whose target is known."
                                        : "."),
                        ""));
            }
        });
        for (ColumnInfo column : impute.resolve(schema, context)) {
            if (!column.hasMissing() || context.isTarget(column.name())) {
                continue;
            }
            ImputeStrategy strategy = impute.strategyFor(column);
            if (schema.rows() > 0 && column.missing() > SPARSE_FILL_SHARE * schema.rows() && !impute.indicator()) {
                out.add(new PlanWarning(
                        index,
                        action,
                        column.name(),
                        Severity.WARNING,
                        "fills_sparse_column",
                        figure(column.missing()),
                        "fills " + count(column.missing(), "of " + schema.rows() + " cell") + " of '" + column.name()
                                + "' (" + percent(column.missing(), schema.rows()) + " missing) with "
                                + describe(strategy, column) + ": most of the column would be invented.",
                        "drop the column (a Drop columns step), or keep the fact that it was missing: turn on Add "
                                + "indicator, which adds a 0/1 column '" + ImputeParams.indicatorName(column.name())
                                + "'."));
            }
            if (strategy == ImputeStrategy.MODE) {
                modeOnManyValues(index, action, column, schema, out);
            }
        }
    }

    private static void modeOnManyValues(
            int index, String action, ColumnInfo column, DatasetSchema schema, List<PlanWarning> out) {
        String why;
        if (column.kind() == VariableKind.IDENTIFIER) {
            why = "is identifier-like";
        } else if (column.kind() == VariableKind.TEXT) {
            why = "holds free text";
        } else if (column.type() == ColumnType.STRING && column.distinct() > HIGH_CARDINALITY) {
            why = "has " + column.distinct() + " different values";
        } else {
            return;
        }
        out.add(
                new PlanWarning(
                        index,
                        action,
                        column.name(),
                        Severity.WARNING,
                        "mode_fills_many_values",
                        figure(column.missing()),
                        "'" + column.name() + "' " + why
                                + ": filling it with its most frequent value writes that one value into "
                                + count(column.missing(), "row") + ofRows(column.missing(), schema)
                                + ", inventing a frequency the data does not have.",
                        "fill it with a constant such as \"Unknown\" (Strategy: constant, Value: Unknown), or drop the column."));
    }

    private static void touchesTarget(
            int index, String action, List<String> named, StepContext context, String verb, List<PlanWarning> out) {
        context.target()
                .filter(named::contains)
                .ifPresent(target -> out.add(new PlanWarning(
                        index,
                        action,
                        target,
                        Severity.CRITICAL,
                        "changes_target",
                        verb + " the target '" + target + "' changes what the model " + "predicts and how it is scored"
                                + (verb.equals("dropping") ? "; the model needs it." : "."),
                        verb.equals("dropping")
                                ? "keep '" + target + "'; drop only features."
                                : "leave '" + target + "' out of this " + label(action)
                                        + " step: the model reads the target as "
                                        + "it is, and its own pipeline prepares the features.")));
    }

    private static void dropRows(
            int index, String action, DropMissingRowsParams drop, DatasetSchema schema, List<PlanWarning> out) {
        if (schema.rows() <= 0) {
            return;
        }
        // Rows missing in the worst column are removed at least; more when columns miss in different rows.
        ColumnInfo worst = null;
        for (ColumnInfo column : drop.resolve(schema)) {
            if (worst == null || column.missing() > worst.missing()) {
                worst = column;
            }
        }
        if (worst != null && worst.missing() > DROP_ROWS_SHARE * schema.rows()) {
            out.add(new PlanWarning(
                    index,
                    action,
                    worst.name(),
                    Severity.WARNING,
                    "drops_many_rows",
                    figure(worst.missing()),
                    "removes at least " + count(worst.missing(), "of " + schema.rows() + " row") + " ("
                            + percent(worst.missing(), schema.rows()) + "), those where '" + worst.name()
                            + "' is missing: what is left may no longer describe the whole dataset.",
                    "drop the column '" + worst.name() + "' instead, or fill it with Add indicator turned on (a 0/1 "
                            + "column '" + ImputeParams.indicatorName(worst.name())
                            + "' keeps which rows were missing)."));
        }
    }

    private static void leaks(
            int index, String action, TrainModelParams train, DatasetSchema schema, List<PlanWarning> out) {
        for (DatasetSchema.Link link : schema.linksOf(train.target())) {
            String feature = link.partnerOf(train.target());
            boolean used = train.features().isEmpty()
                    ? schema.has(feature)
                    : train.features().contains(feature);
            if (!used) {
                continue;
            }
            out.add(new PlanWarning(
                    index,
                    action,
                    feature,
                    Severity.CRITICAL,
                    "leaking_feature",
                    java.util.Optional.of(link.value()),
                    String.format(
                            Locale.ROOT,
                            "'%s' moves with the target '%s' almost perfectly (%s %.3f): it is "
                                    + "likely the target in disguise or known only after the fact, and the score would "
                                    + "not hold on new data.",
                            feature,
                            train.target(),
                            measure(link.measure()),
                            link.value()),
                    "drop '" + feature + "' (a Drop columns step) or list the model's features without it."));
        }
    }

    private static void derived(
            int index,
            String action,
            TrainModelParams train,
            DatasetSchema schema,
            java.util.Set<String> fromTarget,
            List<PlanWarning> out) {
        for (String feature : fromTarget) {
            boolean used = train.features().isEmpty()
                    ? schema.has(feature)
                    : train.features().contains(feature);
            if (used && !feature.equals(train.target())) {
                out.add(new PlanWarning(
                        index,
                        action,
                        feature,
                        Severity.CRITICAL,
                        "leaking_feature",
                        "'" + feature + "' is computed from the target '" + train.target()
                                + "' by an earlier step: the "
                                + "model would read the answer from it, and its score would not hold on new data.",
                        "drop '" + feature + "' (a Drop columns step) or list the model's features without it."));
            }
        }
    }

    /** An action as the screens name it ("Fill missing"), for advice a person reads. */
    private static String label(String action) {
        return ActionType.fromWireName(action).map(ActionType::label).orElse(action);
    }

    private static java.util.Optional<Double> figure(long count) {
        return java.util.Optional.of((double) count);
    }

    private static String measure(String wire) {
        return switch (wire) {
            case "cramers_v" -> "Cramér's V";
            case "spearman" -> "Spearman correlation";
            default -> "Pearson correlation";
        };
    }

    private static String describe(ImputeStrategy strategy, ColumnInfo column) {
        return switch (strategy) {
            case MODE -> "its most frequent value";
            case CONSTANT -> "a constant";
            case ZERO -> "zero";
            default -> "its " + strategy.wireName();
        };
    }

    private static long known(ColumnInfo column, DatasetSchema schema) {
        return Math.max(0, schema.rows() - column.missing());
    }

    private static String ofRows(long part, DatasetSchema schema) {
        return schema.rows() > 0 ? " (" + percent(part, schema.rows()) + " of " + schema.rows() + " rows)" : "";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }
}
