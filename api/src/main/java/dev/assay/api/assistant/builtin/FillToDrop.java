package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reverse of {@link DropToFill}: "rather than imputing, just remove the passengers whose age is missing", "instead
 * of filling the gaps, drop the months where IBM has no price", "don't fill them, drop those rows". The plan's fills
 * become drops of the rows missing those columns (only the named ones when the follow-up names columns). Adding a drop
 * beside the fill would drop nothing, since the fill runs first, and the person would not see why.
 */
final class FillToDrop {

    private static final String FILL = "(?:fill|filling|filled|impute|imputing|imputed|imputation|completing|patching)";
    private static final String DROP = "(?:drop|dropping|remove|removing|delete|deleting|discard|discarding"
            + "|throw(?:ing)? away|throw(?:ing)? out|get(?:ting)? rid of|exclude|excluding)";
    private static final Pattern SWAP = Pattern.compile(
            "\\b(?:instead of|rather than|in place of)\\s+" + FILL + "\\b.*\\b" + DROP + "\\b|\\b" + DROP
                    + "\\b.*\\b(?:instead of|rather than|in place of|not)\\s+" + FILL + "\\b"
                    + "|\\b(?:don't|do not|dont|no need to|not)\\s+" + FILL + "\\b.*\\b" + DROP + "\\b");

    private FillToDrop() {}

    static Optional<FollowUps.Revision> revise(String text, Set<String> named, List<PlanStep> current) {
        if (!SWAP.matcher(text).find()) {
            return Optional.empty();
        }
        List<PlanStep> out = new ArrayList<>();
        boolean changed = false;
        for (PlanStep step : current) {
            if (step.type() != ActionType.IMPUTE) {
                out.add(step);
                continue;
            }
            List<String> columns = FollowUps.names(step.params().get("columns"));
            // A fill of every column said to be a drop of some rows ("drop the months where IBM has no price"): those
            // rows go, and the fill goes with it, as the person asked for no fill.
            List<String> dropped = named.isEmpty()
                    ? columns
                    : columns.isEmpty()
                            ? List.copyOf(named)
                            : columns.stream().filter(named::contains).toList();
            if (dropped.isEmpty() && !named.isEmpty() && !columns.isEmpty()) {
                out.add(step);
                continue;
            }
            List<String> kept =
                    columns.stream().filter(c -> !dropped.contains(c)).toList();
            if (!kept.isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                params.put("columns", kept);
                out.add(new PlanStep(step.type(), params));
            }
            Map<String, Object> drop = new LinkedHashMap<>();
            drop.put("columns", dropped);
            out.add(new PlanStep(ActionType.DROP_MISSING_ROWS, drop));
            changed = true;
        }
        return changed ? Optional.of(new FollowUps.Revision(out, List.of())) : Optional.empty();
    }
}
