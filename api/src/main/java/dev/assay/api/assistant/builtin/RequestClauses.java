package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request cut into clauses, one intent each: at sentence ends, "then", and "and" or a comma before a new verb. A
 * model formula ("price ~ carat + cut") is first said again in words.
 */
final class RequestClauses {

    private RequestClauses() {}

    /** Splits "do this, then that and train …" into clauses at sentence ends, "then", and "and" before a new verb. */
    private static final Pattern CLAUSES = Pattern.compile(
            "(?i)\\s*(?:[.;!?](?:\\s+|$)|,?\\s+(?:and\\s+)?(?:then|after\\s+that|afterwards|next)\\s*,?\\s+"
                    + "|,\\s+(?=(?:and\\s+)?(?:(?:also|finally|lastly|last|then)\\s+)?(?:" + verbs() + ")\\b)"
                    + "|\\s+and\\s+(?=(?:(?:also|finally|lastly|last|then)\\s+)?(?:" + verbs() + ")\\b)"
                    // "we have analyses of wines from three cultivars - i'd like a model that …": a dash before a new
                    // sentence said to the assistant ends the one before.
                    + "|\\s+[-–—]{1,2}\\s+(?=(?:i|i'd|i'm|i'll|we|we'd|we're|please|can|could|would|so|now)\\b)"
                    // "scale carat before predicting price": the step before the model is its own clause.
                    + "|\\s+(?:before|prior\\s+to)\\s+(?=(?:training|fitting|predicting|modell?ing|building|classifying"
                    + "|regressing|forecasting)\\b))");

    /**
     * Words that begin a new step after a comma or "and". Every intent's opening verb is here, including the ones
     * said as an adjective or noun ("label encode", "one hot", "min-max", "model X"): a clause that swallowed the next
     * step would lose it silently.
     */
    private static String verbs() {
        return "train|fit|predict|build|drop|remove|delete|exclude|discard|fill|impute|replace|encode|one-hot|onehot"
                + "|one\\s+hot|label-encode|label\\s+encode|ordinal\\s+encode|scale|rescale|standardi[sz]e|normali[sz]e"
                + "|min-max|minmax|z-score|convert|cast|treat|parse|rename|clip|cap|pull"
                // "…, get the hour and the weekday out of it": a verb of taking only with the date part it takes.
                + "|(?:get|take)(?=\\s+(?:out\\s+)?(?:the\\s+|its\\s+)?(?:hour|hours|day|days|weekday|weekdays|month|months|year"
                + "|years|quarter|quarters|minute|minutes|date\\s+parts|logs?|natural\\s+logs?|log1p)\\b)"
                + "|winsori[sz]e|create|add|make|compute|derive|extract|log|log-transform|bin|bucket|dedupe|dedup|deduplicate"
                + "|clean|classify|regress|forecast|estimate|model\\s+(?!selection\\b)|get\\s+rid|throw\\s+(?:away|out)|ditch"
                // "…, cut total_bill into 4 bins", "…, split the Date into year and month": a verb of binning or of
                // taking a date apart only with what it makes said ("cut" may be a column).
                + "|(?:cut|split|divide|group|put|sort|place|discreti[sz]e|bucketi[sz]e|break)(?=[^,;.]*\\binto\\b[^,;.]*\\b"
                + "(?:bins?|buckets?|groups|bands|intervals|quantiles|quartiles|tertiles|quintiles|deciles"
                + "|years?|months?|days?|weekdays?|hours?|quarters?|minutes?|parts|components)\\b)";
    }

    private static final Pattern FORMULA = Pattern.compile(
            "^\\s*(?:(?:fit|train|model|regress|predict)\\s+)?([^~+*:()=]+?)\\s*~\\s*" + "(\\.|[^~*:()=^|]+?)\\s*$");

    /**
     * "price ~ carat + cut + clarity", "y ~ .": the formula people type for a model is data, read as its target and
     * features (never evaluated); interactions and functions (*, :, ( )) are not read this way.
     */
    static String formula(String prompt) {
        Matcher m = FORMULA.matcher(prompt);
        if (!m.matches()) {
            return prompt;
        }
        String inputs = m.group(2).strip().equals(".")
                ? "every other column"
                : String.join(
                        ", ",
                        List.of(m.group(2).split("\\s*\\+\\s*")).stream()
                                .map(String::strip)
                                .toList());
        return "predict " + m.group(1).strip() + " from " + inputs;
    }

    /**
     * The request's clauses. A boundary before a verb that is the first word of a column's name ("drop cylinders and
     * model year" where model_year is a column) is no boundary: that word names the column, it does not begin a step.
     */
    static List<String> split(String prompt, ColumnMatcher matcher) {
        String text = prompt.strip();
        List<String> clauses = new ArrayList<>();
        Matcher boundary = CLAUSES.matcher(text);
        int start = 0;
        while (boundary.find()) {
            List<Words.Token> next = Words.tokens(text.substring(boundary.end()));
            boolean nameFirst = !boundary.group().matches("(?s).*[.;!?].*")
                    && !next.isEmpty()
                    && Vocabulary.known(next.getFirst().text())
                    && matcher.find(next).stream().anyMatch(m -> m.start() == 0 && m.end() > 1);
            if (nameFirst) {
                continue;
            }
            clauses.add(text.substring(start, boundary.start()));
            start = boundary.end();
        }
        clauses.add(text.substring(start));
        List<String> out = new ArrayList<>();
        for (String clause : clauses) {
            // "scale the numeric columns except alcohol, minmax": a way said alone after a comma is the way of the
            // step before; as a clause of its own it min-maxed every column, alcohol too.
            if (!out.isEmpty() && WAY_ONLY.matcher(clause).matches()) {
                out.set(out.size() - 1, out.getLast() + " with " + clause.strip());
                continue;
            }
            out.addAll(restSaidWithoutVerb(clause));
        }
        return out;
    }

    private static final Pattern WAY_ONLY =
            Pattern.compile("(?i)^\\s*(?:with\\s+|using\\s+|via\\s+|by\\s+)?(?:the\\s+)?"
                    + "(?:min-?max|standard|z-?scores?|one-?hot|label|ordinal|iqr|percentiles?)"
                    + "(?:\\s+(?:scaling|scaler|encoding|method|way|style))?(?:\\s+please)?\\s*[.!]?\\s*$");

    /**
     * "scale proline with min-max and everything else with standard scaling": the second part says its own way and
     * its own columns, with the verb left out. Read as one clause it was lost in silence; it is a clause of its own,
     * with the first part's verb said again.
     */
    private static final Pattern REST_WITHOUT_VERB = Pattern.compile(
            "(?i)^\\s*((" + verbs()
                    + ")\\b.*?)\\s*,?\\s+and\\s+((?:everything\\s+else|all\\s+else|the\\s+rest|all\\s+(?:of\\s+)?the\\s+others"
                    + "|the\\s+others|the\\s+other\\s+(?:columns|ones|features|variables|fields))\\s+(?:with|by|using|to|as|via)\\b.*)$");

    private static List<String> restSaidWithoutVerb(String clause) {
        Matcher m = REST_WITHOUT_VERB.matcher(clause);
        return m.matches() ? List.of(m.group(1), m.group(2) + " " + m.group(3)) : List.of(clause);
    }
}
