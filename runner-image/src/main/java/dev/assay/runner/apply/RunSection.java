package dev.assay.runner.apply;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.Metrics;
import dev.assay.model.result.ModelReport;
import dev.assay.model.result.RunResult;
import dev.assay.model.result.StepLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data behind run.ftlh, the run section of report.html: the execution log per step, the before/after
 * comparison and the model card. Numbers are formatted here and the bar chart's geometry computed here, so
 * the template only lays things out (and FreeMarker escapes every value as HTML).
 */
public final class RunSection {

    /** Width of the importance chart's bar area, in SVG units. */
    static final int BAR_AREA = 300;

    static final int LABEL_WIDTH = 200;
    static final int ROW_HEIGHT = 22;
    static final int MAX_BARS = 20;

    private RunSection() {}

    public static Map<String, Object> model(RunResult result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("explanation", result.plan().explanation());
        run.put("actionsApplied", result.actionsApplied());
        run.put("seconds", seconds(result.millis()));
        run.put("comparison", comparison(result.comparison()));
        run.put("steps", result.steps().stream().map(RunSection::step).toList());
        run.put(
                "planWarnings",
                result.warnings().stream()
                        .map(w -> Map.of(
                                "step",
                                w.actionIndex() + 1,
                                "action",
                                ActionType.fromWireName(w.action())
                                        .map(ActionType::label)
                                        .orElse(w.action()),
                                "column",
                                w.column(),
                                "severity",
                                w.severity().wireName(),
                                "message",
                                w.message(),
                                "alternative",
                                w.alternative()))
                        .toList());
        result.model().ifPresent(m -> run.put("model", modelCard(m)));
        return run;
    }

    private static Map<String, Object> comparison(Comparison comparison) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(compareRow(
                "Rows", comparison.before().rows(), comparison.after().rows(), false));
        rows.add(compareRow(
                "Columns", comparison.before().columns(), comparison.after().columns(), false));
        rows.add(compareRow(
                "Missing cells",
                comparison.before().missingCells(),
                comparison.after().missingCells(),
                true));
        rows.add(compareRow(
                "Alerts", comparison.before().alerts(), comparison.after().alerts(), true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("alertsCleared", comparison.alertsCleared());
        model.put(
                "alertsHidden",
                comparison.alertsHidden().stream()
                        .map(Comparison.HiddenAlert::describe)
                        .toList());
        model.put("alertsAdded", comparison.alertsAdded());
        return model;
    }

    /** {@code fewerIsBetter}: a drop in missing cells or alerts is shown as good news, a rise as bad. */
    private static Map<String, Object> compareRow(String label, long before, long after, boolean fewerIsBetter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("before", count(before));
        row.put("after", count(after));
        long change = after - before;
        row.put("change", change == 0 ? "no change" : (change > 0 ? "+" : "−") + count(Math.abs(change)));
        row.put("trend", change == 0 || !fewerIsBetter ? "same" : (change < 0 ? "better" : "worse"));
        return row;
    }

    private static Map<String, Object> step(StepLog log) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("number", log.index() + 1);
        // The UI's words for the step, never its JSON: "Fill missing · median · Age, Fare".
        step.put("type", new PlanStep(log.type(), log.params()).inWords());
        step.put("rows", count(log.rowsBefore()) + " → " + count(log.rowsAfter()));
        step.put("columns", log.columnsBefore() + " → " + log.columnsAfter());
        step.put("missing", count(log.missingBefore()) + " → " + count(log.missingAfter()));
        step.put("cellsChanged", count(log.cellsChanged()));
        step.put(
                "cellsByColumn",
                String.join(
                        ", ",
                        log.cellsChangedByColumn().entrySet().stream()
                                .map(e -> e.getKey() + " " + count(e.getValue()))
                                .toList()));
        step.put("added", log.columnsAdded());
        step.put("removed", log.columnsRemoved());
        step.put("warnings", log.warnings());
        step.put("seconds", seconds(log.millis()));
        return step;
    }

    private static Map<String, Object> modelCard(ModelReport report) {
        Map<String, Object> card = new LinkedHashMap<>();
        boolean classification = report.task() == ModelTask.CLASSIFICATION;
        card.put("task", report.task().wireName());
        card.put("algorithm", report.algorithm().wireName().replace('_', ' '));
        card.put("target", report.target());
        card.put("primaryMetric", label(report.primaryMetric()));
        card.put("score", metric(report.primaryMetric(), report.score()));
        card.put("baselineScore", metric(report.primaryMetric(), report.baselineScore()));
        card.put("baselineName", classification ? "always the most frequent class" : "always the mean");
        ModelReport.MeanStd cv = report.crossValidation().get(report.primaryMetric());
        card.put(
                "cv",
                cv == null
                        ? ""
                        : metric(report.primaryMetric(), cv.mean()) + " ± " + metric(report.primaryMetric(), cv.std()));
        card.put("trainRows", count(report.trainRows()));
        card.put("testRows", count(report.testRows()));
        card.put("seed", report.seed());
        card.put("folds", report.folds());
        card.put("seconds", seconds(report.trainMillis()));
        card.put("features", report.features());
        card.put("metrics", metricRows(report));
        report.holdout().confusion().ifPresent(c -> card.put("confusion", confusion(c)));
        card.put("chart", chart(report.importances()));
        card.put(
                "leaderboard",
                report.leaderboard().stream()
                        .map(e -> Map.of(
                                "algorithm",
                                e.algorithm().wireName().replace('_', ' '),
                                "score",
                                metric(report.primaryMetric(), e.score().mean()) + " ± "
                                        + metric(
                                                report.primaryMetric(),
                                                e.score().std()),
                                "seconds",
                                seconds(e.millis()),
                                "chosen",
                                e.algorithm() == report.algorithm()))
                        .toList());
        card.put(
                "derived",
                report.derived().stream()
                        .map(n -> Map.of("column", n.column(), "reason", n.reason()))
                        .toList());
        card.put(
                "excluded",
                report.excluded().stream()
                        .map(n -> Map.of("column", n.column(), "reason", n.reason()))
                        .toList());
        card.put(
                "leakage",
                report.leakage().stream()
                        .map(n -> Map.of("column", n.column(), "reason", n.reason()))
                        .toList());
        card.put("warnings", report.warnings());
        return card;
    }

    private static List<Map<String, Object>> metricRows(ModelReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Double> score : report.holdout().scores().entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", label(score.getKey()));
            row.put("primary", score.getKey().equals(report.primaryMetric()));
            row.put("holdout", metric(score.getKey(), score.getValue()));
            Double baseline = report.baseline().scores().get(score.getKey());
            row.put("baseline", baseline == null ? "" : metric(score.getKey(), baseline));
            ModelReport.MeanStd cv = report.crossValidation().get(score.getKey());
            row.put(
                    "cv",
                    cv == null ? "" : metric(score.getKey(), cv.mean()) + " ± " + metric(score.getKey(), cv.std()));
            row.put(
                    "lowerIsBetter",
                    score.getKey().equals("log_loss")
                            || score.getKey().equals("rmse")
                            || score.getKey().equals("mae"));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> confusion(Metrics.ConfusionMatrix matrix) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < matrix.labels().size(); i++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int j = 0; j < matrix.labels().size(); j++) {
                cells.add(Map.of("count", count(matrix.counts().get(i).get(j)), "hit", i == j));
            }
            rows.add(Map.of("label", matrix.labels().get(i), "cells", cells));
        }
        return Map.of("labels", matrix.labels(), "rows", rows);
    }

    /** Bars of the largest importances, scaled to the largest, with their SVG geometry. */
    private static Map<String, Object> chart(List<ModelReport.FeatureImportance> importances) {
        List<ModelReport.FeatureImportance> top =
                importances.stream().limit(MAX_BARS).toList();
        double max = top.stream()
                .mapToDouble(ModelReport.FeatureImportance::importance)
                .max()
                .orElse(0);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            ModelReport.FeatureImportance f = top.get(i);
            int width = max > 0 ? (int) Math.round(BAR_AREA * f.importance() / max) : 0;
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("label", f.feature().length() > 28 ? f.feature().substring(0, 27) + "…" : f.feature());
            bar.put("feature", f.feature());
            bar.put("y", i * ROW_HEIGHT);
            bar.put("textY", i * ROW_HEIGHT + 15);
            bar.put("width", Math.max(width, 1));
            bar.put("valueX", LABEL_WIDTH + Math.max(width, 1) + 6);
            bar.put("value", String.format(Locale.ROOT, "%.1f %%", 100 * f.importance()));
            bars.add(bar);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("bars", bars);
        chart.put("height", Math.max(1, bars.size()) * ROW_HEIGHT);
        chart.put("width", LABEL_WIDTH + BAR_AREA + 70);
        chart.put("labelWidth", LABEL_WIDTH);
        chart.put("more", Math.max(0, importances.size() - top.size()));
        return chart;
    }

    private static String label(String metric) {
        return switch (metric) {
            case "accuracy" -> "Accuracy";
            case "balanced_accuracy" -> "Balanced accuracy";
            case "macro_f1" -> "Macro F1";
            case "roc_auc" -> "ROC AUC";
            case "log_loss" -> "Log loss";
            case "rmse" -> "RMSE";
            case "mae" -> "MAE";
            case "r2" -> "R²";
            default -> metric;
        };
    }

    /** Scores on a 0–1 scale (R² only above): three decimals tell two models apart, more is noise. */
    private static final java.util.Set<String> UNIT_SCALE =
            java.util.Set.of("accuracy", "balanced_accuracy", "macro_f1", "roc_auc", "r2");

    /**
     * A metric's value for people, by the same rules as the UI's {@code metricValue} (ui/src/common/format.ts), so
     * the report and the screen print one number alike: 0–1 scores to three decimals and never {@code -0.000};
     * errors, in the target's own unit, grouped and shortened ({@code 40.0 M}, {@code 12,346}, {@code 1.02}).
     */
    static String metric(String name, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (UNIT_SCALE.contains(name)) {
            return unsignedZero(String.format(Locale.ROOT, "%.3f", value));
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e12) return String.format(Locale.ROOT, "%,.1f T", value / 1e12);
        if (magnitude >= 1e9) return String.format(Locale.ROOT, "%,.1f B", value / 1e9);
        if (magnitude >= 1e6) return String.format(Locale.ROOT, "%,.1f M", value / 1e6);
        if (magnitude >= 1000) return String.format(Locale.ROOT, "%,.0f", value);
        if (magnitude >= 100) return String.format(Locale.ROOT, "%.1f", value);
        if (magnitude >= 1) return String.format(Locale.ROOT, "%.2f", value);
        return unsignedZero(new java.math.BigDecimal(value)
                .round(new java.math.MathContext(3))
                .toPlainString());
    }

    private static String unsignedZero(String text) {
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
