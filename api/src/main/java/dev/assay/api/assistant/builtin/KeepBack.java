package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A follow-up that takes back a drop: "actually keep Ticket", "don't drop Age after all", "I'd rather not remove day",
 * "bring back Name". The columns named leave the plan's drop steps (a drop step left with none goes) and nothing
 * else changes; a column that no drop step names is said so, never read as a new step.
 */
final class KeepBack {

    private static final Pattern CUE = Pattern.compile("^(?:(?:actually|wait|hmm+|oh|ok|okay|no|well|instead|on second"
            + " thoughts?|i think|i changed my mind)\\s*,?\\s+)*(?:(?:let's|lets|please|we should|i want to|i'd like to|i would"
            + " like to|better)\\s+)?(?:keep|retain|leave|hold on to|bring back|restore|put back|undrop|un-drop"
            + "|(?:do not|don't|dont|no need to|stop|never)\\s+(?:drop|remove|delete|discard|lose|ditch|exclude)(?:ping)?"
            + "|(?:i'd|i would|we'd|we would)?\\s*rather\\s+(?:not|never)\\s+(?:drop|remove|delete|discard|lose|ditch|exclude)"
            + "|(?:undo|revert|reverse|cancel)\\s+(?:the\\s+)?(?:drop|dropping|removal|removing|deletion|deleting)(?:\\s+of)?)\\b"
            // "horsepower should stay", "Age stays", "keep Age in the data": the column said, then that it stays.
            + "|^[^,;.]+?\\s+(?:should|must|can|needs\\s+to|has\\s+to|ought\\s+to|will)\\s+(?:stay|remain|be\\s+kept)\\b"
            + "|^[^,;.]+?\\s+(?:stays|remains)\\b"
            // "put island back", "bring Age back in".
            + "|^(?:(?:please|let's|lets)\\s+)?(?:put|bring|add|get)\\s+[^,;.]+?\\s+back\\b");

    /**
     * "keep the island, just drop sex", "keep year, only drop quarter": what follows names the drop that stays, not
     * a column to keep.
     */
    private static final Pattern THEN_ONLY_DROP = Pattern.compile(
            "\\s*(?:[,;:\u2013\u2014-]+\\s*|\\s+)(?:and\\s+|but\\s+)?(?:just|only|but)\\s+(?:drop|remove|delete|lose|ditch"
                    + "|discard|exclude)\\b(.*)$");

    private KeepBack() {}

    /**
     * The keep and the drop of "keep X, just drop Y" apart: the text before the drop (where the kept columns are)
     * and the drop's own words, if said.
     */
    static Optional<String[]> keepThenDrop(String text) {
        java.util.regex.Matcher m = THEN_ONLY_DROP.matcher(text);
        return m.find() && m.start() > 0
                ? Optional.of(new String[] {text.substring(0, m.start()), m.group(1)})
                : Optional.empty();
    }

    /** The plan without the named columns in its drop steps, if the follow-up takes a drop back. */
    static Optional<FollowUps.Revision> revise(
            String text, List<ColumnMatcher.Mention> mentions, List<PlanStep> current) {
        return revise(text, mentions, List.of(), current);
    }

    /**
     * As above, with the columns a "just drop Y" after the keep names: the drop still holds them (added when it did
     * not).
     */
    static Optional<FollowUps.Revision> revise(
            String text, List<ColumnMatcher.Mention> mentions, List<String> stillDropped, List<PlanStep> current) {
        if (mentions.isEmpty()
                || !CUE.matcher(text.strip()).find()
                || current.stream().noneMatch(s -> s.type() == ActionType.DROP_COLUMNS)) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>(ColumnMatcher.unique(mentions));
        List<PlanStep> out = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        for (PlanStep step : current) {
            if (step.type() != ActionType.DROP_COLUMNS) {
                out.add(step);
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (Object column : (List<?>) step.params().getOrDefault("columns", List.of())) {
                if (kept.contains(String.valueOf(column))) {
                    restored.add(String.valueOf(column));
                } else {
                    columns.add(String.valueOf(column));
                }
            }
            if (!columns.isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                params.put("columns", columns);
                out.add(new PlanStep(ActionType.DROP_COLUMNS, params));
            }
        }
        if (restored.isEmpty()) {
            // "keep urban" of a column no drop step names: the other follow-up rules decide.
            return Optional.empty();
        }
        List<String> added = stillDropped.stream()
                .filter(c -> !kept.contains(c))
                .filter(c -> out.stream()
                        .filter(s -> s.type() == ActionType.DROP_COLUMNS)
                        .noneMatch(
                                s -> FollowUps.names(s.params().get("columns")).contains(c)))
                .toList();
        if (!added.isEmpty()) {
            int at = 0;
            while (at < out.size() && out.get(at).type() != ActionType.DROP_COLUMNS) {
                at++;
            }
            if (at < out.size()) {
                List<String> columns =
                        new ArrayList<>(FollowUps.names(out.get(at).params().get("columns")));
                columns.addAll(added);
                Map<String, Object> params = new LinkedHashMap<>(out.get(at).params());
                params.put("columns", columns);
                out.set(at, new PlanStep(ActionType.DROP_COLUMNS, params));
            } else {
                out.addFirst(new PlanStep(ActionType.DROP_COLUMNS, BuiltInPlanner.params("columns", added)));
            }
        }
        List<String> warnings = new ArrayList<>();
        kept.removeAll(restored);
        if (!kept.isEmpty()) {
            warnings.add("The plan drops none of " + String.join(", ", kept) + "; nothing changed for "
                    + (kept.size() == 1 ? "it." : "them."));
        }
        return Optional.of(new FollowUps.Revision(out, warnings));
    }
}
