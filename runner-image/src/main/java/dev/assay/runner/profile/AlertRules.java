package dev.assay.runner.profile;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.CorrelationMatrix;
import dev.assay.model.profile.IngestReport;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.ValueCount;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.table.Kinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts of a profile. Each names its column and, where something can be done, suggests it as a plan
 * step that validates against this dataset, so a person can add it to a plan with one click.
 */
final class AlertRules {

    static final double HIGH_CORRELATION = 0.9;
    static final double SKEWED = 1.0;
    static final double ZEROS_SHARE = 0.5;
    static final double DROP_WHEN_MISSING = 0.5;
    static final double IMBALANCE = 0.5;
    /** A text column whose present values are at least this share distinct has no value that could fill a gap. */
    static final double ALMOST_UNIQUE = 0.9;

    private AlertRules() {}

    static List<Alert> of(
            Map<String, VariableProfile> variables,
            CorrelationMatrix pearson,
            CorrelationMatrix cramersV,
            IngestReport ingest,
            long rows) {
        List<Alert> alerts = new ArrayList<>();
        if (ingest.duplicatesDropped() > 0) {
            alerts.add(new Alert(
                    AlertType.DUPLICATES,
                    AlertSeverity.INFO,
                    Optional.empty(),
                    ingest.duplicatesDropped() + " exact duplicate row"
                            + (ingest.duplicatesDropped() == 1 ? " was" : "s were") + " found and dropped on ingest",
                    Optional.empty()));
        }
        for (VariableProfile v : variables.values()) {
            column(v, rows, alerts);
            markerAsValue(v, ingest.missingWords().getOrDefault(v.name(), Map.of()), rows, alerts);
        }
        correlated(pearson, "Pearson", variables, alerts);
        correlated(cramersV, "Cramér's V", variables, alerts);
        alerts.sort(Comparator.comparing(Alert::severity));
        return oneFixPerColumn(alerts);
    }

    /**
     * Several alerts may concern one column (missing and unique, or a drop suggested by two correlations): each
     * column keeps one recommended fix, the first of: reading a marker word back as a value, dropping it (which
     * makes every other fix moot), converting it, then the fix of its most severe alert. A fix is offered once, on the first alert it answers; the other
     * alerts of the column stay, without a button that would contradict it.
     */
    static List<Alert> oneFixPerColumn(List<Alert> alerts) {
        Map<String, PlanStep> chosen = new java.util.HashMap<>();
        alerts.stream()
                .filter(a -> a.suggestedAction().isPresent())
                .sorted(Comparator.comparingInt(AlertRules::precedence).thenComparing(Alert::severity))
                .forEach(a -> {
                    PlanStep step = a.suggestedAction().orElseThrow();
                    for (String column : columnsOf(step)) {
                        chosen.putIfAbsent(column, step);
                    }
                });
        java.util.Set<PlanStep> offered = new java.util.HashSet<>();
        List<Alert> out = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            Optional<PlanStep> fix = alert.suggestedAction()
                    .filter(step -> columnsOf(step).stream().allMatch(c -> step.equals(chosen.get(c))))
                    .filter(offered::add);
            out.add(
                    fix.equals(alert.suggestedAction())
                            ? alert
                            : new Alert(alert.type(), alert.severity(), alert.column(), alert.message(), fix));
        }
        return out;
    }

    private static int precedence(Alert alert) {
        if (alert.type() == AlertType.MISSING_MARKER) {
            return 0; // the cells are not missing at all: reading the word back beats dropping a "sparse" column
        }
        return switch (alert.suggestedAction().orElseThrow().type()) {
            case DROP_COLUMNS -> 1;
            case CAST -> 2;
            default -> 3;
        };
    }

    private static List<String> columnsOf(PlanStep step) {
        return step.params().get("columns") instanceof List<?> columns
                ? columns.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static void column(VariableProfile v, long rows, List<Alert> alerts) {
        String name = v.name();
        if (v.count() == 0) {
            alerts.add(alert(
                    AlertType.EMPTY,
                    AlertSeverity.WARNING,
                    name,
                    name + " has no values at all",
                    step(ActionType.DROP_COLUMNS, params("columns", List.of(name)))));
            return;
        }
        if (v.distinct() == 1) {
            alerts.add(alert(
                    AlertType.CONSTANT,
                    AlertSeverity.WARNING,
                    name,
                    name + " has one value only ('" + v.top().getFirst().value() + "'): it tells nothing apart",
                    step(ActionType.DROP_COLUMNS, params("columns", List.of(name)))));
        }
        if (v.type() == VariableKind.IDENTIFIER
                || (v.type() == VariableKind.TEXT
                        && v.uniqueShare() == 1.0
                        && v.count() >= Kinds.MIN_ROWS_FOR_IDENTIFIER)) {
            alerts.add(alert(
                    AlertType.UNIQUE,
                    AlertSeverity.WARNING,
                    name,
                    name + " has a different value in every row (" + v.distinct() + "): "
                            + (v.type() == VariableKind.TEXT
                                    ? "free text such as names, which a model cannot use as it is"
                                    : "it looks like an identifier, which a model would only memorise"),
                    step(ActionType.DROP_COLUMNS, params("columns", List.of(name)))));
        } else if (v.type() == VariableKind.CATEGORICAL
                && v.distinct() > Kinds.HIGH_CARDINALITY
                && v.stray().isEmpty()) {
            // Numbers or dates kept as text because of a few stray values are not categories: they get a cast instead.
            alerts.add(alert(
                    AlertType.HIGH_CARDINALITY,
                    AlertSeverity.WARNING,
                    name,
                    name + " has " + v.distinct()
                            + " distinct categories; one-hot encoding it would add as many columns",
                    step(ActionType.DROP_COLUMNS, params("columns", List.of(name)))));
        }
        if (v.missing() > 0) {
            missing(v, rows, alerts);
        }
        v.stray().ifPresent(stray -> {
            String examples = String.join(
                    "', '",
                    stray.examples().subList(0, Math.min(3, stray.examples().size())));
            if (stray.dominant().isTemporal()) {
                alerts.add(alert(
                        AlertType.DATE_AS_TEXT,
                        AlertSeverity.WARNING,
                        name,
                        name + " holds dates stored as text; " + stray.count() + " value" + plural(stray.count())
                                + " are not dates (e.g. '" + examples + "') and would become missing",
                        step(ActionType.CAST, params("columns", List.of(name), "to", "datetime"))));
            } else {
                alerts.add(alert(
                        AlertType.MIXED_TYPES,
                        AlertSeverity.WARNING,
                        name,
                        name + " is " + percent(1 - (double) stray.count() / v.count()) + " numbers, but "
                                + stray.count() + " value" + plural(stray.count()) + " are not (e.g. '" + examples
                                + "'); it is kept as text until you decide",
                        step(
                                ActionType.CAST,
                                params(
                                        "columns",
                                        List.of(name),
                                        "to",
                                        stray.dominant() == ColumnType.INTEGER ? "int" : "float"))));
            }
        });
        v.numeric().ifPresent(stats -> numeric(v, stats, alerts));
        if ((v.type() == VariableKind.CATEGORICAL || v.type() == VariableKind.BOOLEAN)
                && v.distinct() >= 2
                && v.distinct() <= Kinds.HIGH_CARDINALITY) {
            double balance = normalisedEntropy(v.top(), v.distinct());
            if (balance < IMBALANCE) {
                ValueCount first = v.top().getFirst();
                alerts.add(alert(
                        AlertType.IMBALANCE,
                        AlertSeverity.INFO,
                        name,
                        name + " is imbalanced: '" + first.value() + "' is " + percent(first.share())
                                + " of the values",
                        Optional.empty()));
            }
        }
    }

    private static void missing(VariableProfile v, long rows, List<Alert> alerts) {
        String name = v.name();
        double share = (double) v.missing() / rows;
        String message =
                name + " is missing in " + v.missing() + " row" + plural(v.missing()) + " (" + percent(share) + ")";
        if (share >= DROP_WHEN_MISSING) {
            alerts.add(alert(
                    AlertType.MISSING,
                    AlertSeverity.WARNING,
                    name,
                    message + "; too sparse to fill well",
                    step(ActionType.DROP_COLUMNS, params("columns", List.of(name)))));
            return;
        }
        if (!v.storage().isNumeric() && v.uniqueShare() >= ALMOST_UNIQUE) {
            // Filling an almost-unique text (titles, names) with its commonest value would invent repeats of one title.
            alerts.add(alert(
                    AlertType.MISSING,
                    share >= 0.05 ? AlertSeverity.WARNING : AlertSeverity.INFO,
                    name,
                    message + "; its values are almost all different, so no value can stand in for the missing ones",
                    Optional.empty()));
            return;
        }
        String strategy = v.storage().isNumeric() ? "median" : "mode";
        alerts.add(alert(
                AlertType.MISSING,
                share >= 0.05 ? AlertSeverity.WARNING : AlertSeverity.INFO,
                name,
                message,
                step(ActionType.IMPUTE, params("strategy", strategy, "columns", List.of(name)))));
    }

    private static void numeric(VariableProfile v, NumericStats stats, List<Alert> alerts) {
        String name = v.name();
        if (stats.infinite() > 0) {
            alerts.add(alert(
                    AlertType.INFINITE,
                    AlertSeverity.WARNING,
                    name,
                    name + " has " + stats.infinite() + " infinite value" + plural(stats.infinite())
                            + "; most models cannot use them",
                    step(ActionType.CLIP_OUTLIERS, params("columns", List.of(name), "method", "percentile"))));
        }
        if (v.type() != VariableKind.NUMERIC) {
            return;
        }
        if (Math.abs(stats.skewness()) > SKEWED && v.distinct() > 2) {
            Optional<PlanStep> remedy = stats.min() >= 0
                    ? step(ActionType.FEATURE_ENGINEER, params("operation", "log1p", "columns", List.of(name)))
                    : step(ActionType.CLIP_OUTLIERS, params("columns", List.of(name), "method", "iqr"));
            alerts.add(alert(
                    AlertType.SKEWED,
                    AlertSeverity.INFO,
                    name,
                    name + " is skewed (skewness " + String.format(Locale.ROOT, "%.2f", stats.skewness()) + ")",
                    remedy));
        }
        double zeros = (double) stats.zeros() / Math.max(1, v.count());
        if (zeros >= ZEROS_SHARE && v.distinct() > 2) {
            alerts.add(alert(
                    AlertType.ZEROS,
                    AlertSeverity.INFO,
                    name,
                    name + " is zero in " + percent(zeros) + " of the rows",
                    Optional.empty()));
        }
    }

    /** One alert per highly correlated pair, on the first column, suggesting to drop the second. */
    private static void correlated(
            CorrelationMatrix matrix, String method, Map<String, VariableProfile> variables, List<Alert> alerts) {
        List<String> columns = matrix.columns();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                Double r = matrix.values().get(i).get(j);
                if (r != null && Math.abs(r) > HIGH_CORRELATION) {
                    String a = columns.get(i);
                    String b = columns.get(j);
                    alerts.add(alert(
                            AlertType.HIGH_CORRELATION,
                            AlertSeverity.INFO,
                            a,
                            a + " and " + b + " are highly correlated (" + method + " "
                                    + String.format(Locale.ROOT, "%.2f", r) + "); one of them may be enough",
                            step(ActionType.DROP_COLUMNS, params("columns", List.of(b)))));
                }
            }
        }
    }

    private static double normalisedEntropy(List<ValueCount> top, long distinct) {
        double entropy = 0;
        for (ValueCount value : top) {
            if (value.share() > 0) {
                entropy -= value.share() * Math.log(value.share());
            }
        }
        return entropy / Math.log(distinct);
    }

    /** A marker word making up more than this share of a column's rows is probably a value someone meant. */
    static final double MARKER_SHARE = 0.5;

    /**
     * A column of categories most of whose cells are one marker word ("None" in a column of damage levels): the
     * word was read as missing, as the reading rules say, but it most likely means something, so the alert says so
     * and offers the step that reads it back as a value.
     */
    private static void markerAsValue(VariableProfile v, Map<String, Long> words, long rows, List<Alert> alerts) {
        if (words.isEmpty()
                || v.count() == 0
                || rows == 0
                || (v.type() != VariableKind.CATEGORICAL && v.type() != VariableKind.BOOLEAN)) {
            return;
        }
        Map.Entry<String, Long> top =
                words.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long cells = Math.min(top.getValue(), v.missing());
        if (cells <= MARKER_SHARE * rows) {
            return;
        }
        long blanks = Math.max(
                0,
                v.missing() - words.values().stream().mapToLong(Long::longValue).sum());
        String name = v.name();
        alerts.add(alert(
                AlertType.MISSING_MARKER,
                AlertSeverity.WARNING,
                name,
                "'" + top.getKey() + "' makes up " + cells + " of " + rows + " rows of " + name + " ("
                        + percent((double) cells / rows)
                        + ") and was read as missing, but the column's other values are categories ("
                        + String.join(
                                ", ",
                                v.top().stream()
                                        .limit(3)
                                        .map(c -> "'" + c.value() + "'")
                                        .toList())
                        + "): it may be a value someone meant. If it is, read it back as a value"
                        + (blanks > 0
                                ? " (the same step also fills the " + blanks + " empty cell" + plural(blanks) + ")"
                                : "")
                        + ", or upload the file again with missing markers that leave '" + top.getKey() + "' out",
                step(
                        ActionType.IMPUTE,
                        params("strategy", "constant", "columns", List.of(name), "value", top.getKey()))));
    }

    private static Alert alert(
            AlertType type, AlertSeverity severity, String column, String message, Optional<PlanStep> action) {
        return new Alert(type, severity, Optional.of(column), message, action);
    }

    private static Optional<PlanStep> step(ActionType type, Map<String, Object> params) {
        return Optional.of(new PlanStep(type, params));
    }

    /** Parameters in the order given, so suggestions read the same every time. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.1 ? "%.1f %%" : "%.0f %%", share * 100);
    }
}
