package dev.assay.runner.apply;

import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.StepLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset before and after a run. An alert is the same alert when its type and column are: a missing-values
 * alert on Age that went from 177 to 0 rows is cleared, one whose numbers merely changed is neither cleared nor
 * added. An alert about missing values that is gone because a step filled its column is not cleared: it is hidden
 * by filling, with the number of cells the run invented in that column.
 */
public final class Comparisons {

    private Comparisons() {}

    public static Comparison of(Profile before, Profile after) {
        return of(before, after, List.of());
    }

    /** @param steps the run's steps, to tell an alert that was filled over from one whose cause went away */
    public static Comparison of(Profile before, Profile after, List<StepLog> steps) {
        Map<String, List<Alert>> was = byKey(before.alerts());
        Map<String, List<Alert>> is = byKey(after.alerts());
        Map<String, Long> filled = filledCells(steps);
        List<String> cleared = new ArrayList<>();
        List<Comparison.HiddenAlert> hidden = new ArrayList<>();
        for (Alert alert : gone(was, is)) {
            String column = alert.column().orElse("");
            if (FILLABLE.contains(alert.type()) && filled.getOrDefault(column, 0L) > 0) {
                hidden.add(new Comparison.HiddenAlert(column, alert.message(), filled.get(column)));
            } else {
                cleared.add(alert.message());
            }
        }
        return new Comparison(side(before), side(after), cleared, beyond(is, was), hidden);
    }

    /** Alerts about missing values: the ones a fill makes disappear without answering them. */
    private static final java.util.Set<AlertType> FILLABLE = java.util.EnumSet.of(AlertType.MISSING, AlertType.EMPTY);

    /** Cells each column had filled by impute steps, through the run (a later rename keeps the count). */
    private static Map<String, Long> filledCells(List<StepLog> steps) {
        Map<String, Long> filled = new LinkedHashMap<>();
        for (StepLog step : steps) {
            if (step.type() == ActionType.IMPUTE) {
                step.cellsChangedByColumn().forEach((column, n) -> filled.merge(column, n, Long::sum));
            }
        }
        return filled;
    }

    private static List<Alert> gone(Map<String, List<Alert>> these, Map<String, List<Alert>> others) {
        List<Alert> alerts = new ArrayList<>();
        these.forEach((key, list) ->
                list.stream().skip(others.getOrDefault(key, List.of()).size()).forEach(alerts::add));
        return alerts;
    }

    /**
     * Alerts of {@code these} that {@code others} has fewer of, by key: a column can carry two alerts of one type
     * (correlated with two others), so the comparison counts them.
     */
    private static List<String> beyond(Map<String, List<Alert>> these, Map<String, List<Alert>> others) {
        List<String> messages = new ArrayList<>();
        these.forEach((key, alerts) -> alerts.stream()
                .skip(others.getOrDefault(key, List.of()).size())
                .forEach(a -> messages.add(a.message())));
        return messages;
    }

    private static Comparison.Side side(Profile profile) {
        return new Comparison.Side(
                profile.table().rows(),
                profile.table().columns(),
                profile.table().missingCells(),
                profile.alerts().size());
    }

    private static Map<String, List<Alert>> byKey(List<Alert> alerts) {
        Map<String, List<Alert>> keyed = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            keyed.computeIfAbsent(
                            alert.type().wireName() + "\u0000" + alert.column().orElse(""), k -> new ArrayList<>())
                    .add(alert);
        }
        return keyed;
    }
}
