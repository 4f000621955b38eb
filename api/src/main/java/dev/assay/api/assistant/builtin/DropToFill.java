package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A follow-up that swaps a drop for a fill: "instead of dropping, fill them with the median", "rather than dropping
 * those rows, fill them in", "don't drop them, impute them instead". The plan's steps that drop rows with missing
 * values become fills of the same columns (only the named ones when the follow-up names columns); a column the plan
 * drops whole becomes a fill only when the follow-up names it. Adding a fill beside the drop would keep dropping.
 */
final class DropToFill {

    private static final String DROP = "(?:drop|dropping|dropped|remove|removing|delete|deleting|discard|discarding"
            + "|throw(?:ing)?\\s+(?:[\\p{L}']+\\s+){0,2}?(?:away|out)|get(?:ting)? rid of|lose|losing)";
    private static final String FILL = "(?:fill|filling|impute|imputing|complete|completing|replace|replacing|patch)";
    private static final Pattern SWAP =
            Pattern.compile("\\b(?:instead of|rather than|in place of)\\s+" + DROP + "\\b.*\\b"
                    + FILL + "\\b|\\b" + FILL + "\\b.*\\b(?:instead of|rather than|in place of|not)\\s+" + DROP + "\\b"
                    + "|\\b(?:don't|do not|dont|no need to|not|no|stop|without)\\s+" + DROP + "\\b.*\\b" + FILL + "\\b"
                    // "I'd rather impute than drop", "prefer filling to dropping"
                    + "|\\b(?:rather|prefer(?:\\s+to)?)\\s+" + FILL + "\\b.*\\b(?:than|to|over)\\s+" + DROP + "\\b");

    /** A quoted value after "with"/"as"; an apostrophe inside a word ("don't") opens no quote. */
    private static final Pattern FILL_VALUE =
            Pattern.compile("(?i)\\b(?:with|as|to)\\s+(?<![\\p{L}])[\"'“‘`]([^\"'”’`]{1,60})[\"'”’`](?![\\p{L}])");

    private static final Pattern MEASUREMENTS = Pattern.compile("\\bmeasure(?:ment)?s\\b");

    private DropToFill() {}

    static Optional<FollowUps.Revision> revise(
            String text, Set<String> words, Set<String> named, List<PlanStep> current, Profile profile) {
        if (!SWAP.matcher(text).find()) {
            return Optional.empty();
        }
        String said = FollowUps.saidStrategy(words).orElse(null);
        // "fill it with 'Unknown' instead": a quoted value is the constant to fill with, never replaced by the mode.
        java.util.regex.Matcher quoted = FILL_VALUE.matcher(text);
        Optional<String> constant = quoted.find() ? Optional.of(quoted.group(1)) : Optional.empty();
        // "instead of dropping incomplete rows, fill the missing measurements": the columns said by what they are
        // (a profile phrase, "the measurements") are the ones to fill; filling every column would fill the words too.
        boolean byKind = false;
        if (named.isEmpty()) {
            Set<String> described = new java.util.LinkedHashSet<>();
            ProfilePhrases.find(Words.tokens(text), profile).forEach(m -> described.addAll(m.columns()));
            if (described.isEmpty() && MEASUREMENTS.matcher(text).find()) {
                described.addAll(VagueInputs.measuredColumns(profile));
            }
            byKind = !described.isEmpty();
            named = described;
        }
        List<PlanStep> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean changed = false;
        for (PlanStep step : current) {
            boolean rows = step.type() == ActionType.DROP_MISSING_ROWS;
            boolean whole = step.type() == ActionType.DROP_COLUMNS;
            if (!rows && !whole) {
                out.add(step);
                continue;
            }
            List<String> columns = FollowUps.names(step.params().get("columns"));
            Set<String> fill = named;
            List<String> swapped = named.isEmpty()
                    ? (rows ? columns : List.of())
                    : rows && columns.isEmpty() && byKind
                            ? List.copyOf(named)
                            : columns.stream().filter(fill::contains).toList();
            if (rows && columns.isEmpty() && byKind) {
                // The drop of every incomplete row goes as a whole: the person replaced it with this fill. Which
                // gaps are then left is said, never left to be found in the result.
                List<String> left = profile.variables().values().stream()
                        .filter(v -> v.missing() > 0 && !fill.contains(v.name()))
                        .map(dev.assay.model.profile.VariableProfile::name)
                        .toList();
                if (!left.isEmpty()) {
                    notes.add("Rows are no longer dropped for missing values; the gaps of " + String.join(", ", left)
                            + " are not filled either.");
                }
            }
            if (swapped.isEmpty() && !(rows && named.isEmpty())) {
                out.add(step);
                continue;
            }
            List<String> kept =
                    columns.stream().filter(c -> !swapped.contains(c)).toList();
            if (!kept.isEmpty() && !swapped.isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                params.put("columns", kept);
                out.add(new PlanStep(step.type(), params));
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put(
                    "strategy",
                    constant.isPresent()
                            ? "constant"
                            : said != null
                                    ? said
                                    : swapped.isEmpty() || allNumeric(swapped, profile) ? "median" : "mode");
            params.put("columns", swapped);
            constant.ifPresent(value -> params.put("value", value));
            out.add(new PlanStep(ActionType.IMPUTE, params));
            changed = true;
        }
        return changed ? Optional.of(new FollowUps.Revision(out, notes)) : Optional.empty();
    }

    /** The median needs numbers; with a column of words among them the most frequent value fills. */
    private static boolean allNumeric(List<String> columns, Profile profile) {
        return columns.stream()
                .map(profile.variables()::get)
                .allMatch(v -> v != null && v.type() == dev.assay.model.dataset.VariableKind.NUMERIC);
    }
}
