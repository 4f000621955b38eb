package dev.assay.model.crd.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Sets a condition in a list, keeping its lastTransitionTime when its status did not change. */
public final class Conditions {

    private Conditions() {}

    public static List<Condition> with(
            List<Condition> conditions, String type, boolean status, String reason, String message, Instant now) {
        List<Condition> result = new ArrayList<>();
        String value = status ? "True" : "False";
        boolean found = false;
        for (Condition condition : conditions == null ? List.<Condition>of() : conditions) {
            if (condition.type().equals(type)) {
                found = true;
                String since =
                        Objects.equals(condition.status(), value) ? condition.lastTransitionTime() : now.toString();
                result.add(new Condition(type, value, reason, message, since));
            } else {
                result.add(condition);
            }
        }
        if (!found) {
            result.add(new Condition(type, value, reason, message, now.toString()));
        }
        return List.copyOf(result);
    }

    /** As {@link #with(List, String, boolean, String, String, Instant)}, with the declared type and reason. */
    public static List<Condition> with(
            List<Condition> conditions,
            ConditionType type,
            boolean status,
            Reason reason,
            String message,
            Instant now) {
        return with(conditions, type.name(), status, reason.name(), message, now);
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null
                && conditions.stream().anyMatch(c -> c.type().equals(type) && "True".equals(c.status()));
    }
}
