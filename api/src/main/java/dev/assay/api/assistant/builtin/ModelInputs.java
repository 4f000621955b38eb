package dev.assay.api.assistant.builtin;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's inputs as the plan stands, and follow-ups that take one of them out: "don't use sex as an input", "do not
 * use petal width as a feature", "leave island out of the inputs", "exclude name from the model's features",
 * "stop using Fare as a predictor". A model with no features listed uses every other column; taking one out lists
 * the rest, never leaves the column in quietly.
 */
final class ModelInputs {

    private static final String INPUTS =
            "(?:inputs?|features?|predictors?|regressors?|covariates?|explanatory variables?"
                    + "|independent variables?|model(?:'s)?(?:\\s+(?:inputs?|features?|predictors?))?)";
    /** The part of the follow-up that names the columns, before the words that say "of the inputs". */
    private static final Pattern LEAVE_OUT = Pattern.compile("^(?:(?:please|and|also|now|then)\\s+)*"
            + "(?:(?:don't|do not|dont|stop|no longer|never)\\s+(?:use|using|include|including|feed|feeding|train on)"
            + "|(?:leave|keep|take|drop|remove|exclude|omit)(?:\\s+out)?)\\s+(.+?)\\s+(?:as\\s+(?:an?\\s+)?|out\\s+of\\s+|from\\s+|among\\s+)"
            + "(?:the\\s+|its\\s+|my\\s+)?" + INPUTS + "\\b");

    private static final Pattern NOT_AN_INPUT = Pattern.compile("^(.+?)\\s+(?:shouldn't|should not|must not|mustn't|"
            + "should never)\\s+be\\s+(?:used\\s+as\\s+)?(?:an?\\s+)?" + INPUTS + "\\b");

    private ModelInputs() {}

    /** The words naming the columns to take out of the model's inputs, when the follow-up says that. */
    static java.util.Optional<String> leftOut(String text) {
        for (Pattern pattern : List.of(LEAVE_OUT, NOT_AN_INPUT)) {
            Matcher m = pattern.matcher(text.strip());
            if (m.find()) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The columns a model step uses: its features when listed, else every column but the target, identifiers and
     * the columns an earlier step of the plan drops.
     */
    static List<String> of(PlanStep training, List<PlanStep> plan, Profile profile) {
        if (training.params().get("features") instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        String target = String.valueOf(training.params().get("target"));
        Set<String> dropped = new java.util.HashSet<>();
        plan.stream()
                .filter(s -> s.type() == ActionType.DROP_COLUMNS && s.params().get("columns") instanceof List<?>)
                .forEach(s -> ((List<?>) s.params().get("columns")).forEach(c -> dropped.add(String.valueOf(c))));
        return profile.variables().values().stream()
                .filter(v -> v.type() != VariableKind.IDENTIFIER)
                .map(VariableProfile::name)
                .filter(c -> !c.equals(target) && !dropped.contains(c))
                .toList();
    }
}
