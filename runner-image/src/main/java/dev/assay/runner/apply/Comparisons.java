package dev.assay.runner.apply;

import dev.assay.model.profile.Alert;
import dev.assay.model.profile.Profile;
import dev.assay.model.result.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset before and after a run. An alert is the same alert when its type and column are: a missing-values
 * alert on Age that went from 177 to 0 rows is cleared, one whose numbers merely changed is neither cleared nor
 * added.
 */
public final class Comparisons {

    private Comparisons() {
    }

    public static Comparison of(Profile before, Profile after) {
        Map<String, List<Alert>> was = byKey(before.alerts());
        Map<String, List<Alert>> is = byKey(after.alerts());
        return new Comparison(side(before), side(after), beyond(was, is), beyond(is, was));
    }

    /**
     * Alerts of {@code these} that {@code others} has fewer of, by key: a column can carry two alerts of one type
     * (correlated with two others), so the comparison counts them.
     */
    private static List<String> beyond(Map<String, List<Alert>> these, Map<String, List<Alert>> others) {
        List<String> messages = new ArrayList<>();
        these.forEach((key, alerts) -> alerts.stream().skip(others.getOrDefault(key, List.of()).size())
                .forEach(a -> messages.add(a.message())));
        return messages;
    }

    private static Comparison.Side side(Profile profile) {
        return new Comparison.Side(profile.table().rows(), profile.table().columns(), profile.table().missingCells(),
                profile.alerts().size());
    }

    private static Map<String, List<Alert>> byKey(List<Alert> alerts) {
        Map<String, List<Alert>> keyed = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            keyed.computeIfAbsent(alert.type().wireName() + "\u0000" + alert.column().orElse(""), k -> new ArrayList<>())
                    .add(alert);
        }
        return keyed;
    }
}
