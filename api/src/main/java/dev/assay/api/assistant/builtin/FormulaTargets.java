package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "predict the tip as a share of the total", "forecast horsepower per litre of displacement": a target said through a
 * formula is no column of the dataset. Taking the first column of the formula as the target would be a plausible wrong
 * answer, so the person is asked instead, with the way to make such a column first.
 */
final class FormulaTargets {

    /** Words right after a target that make it a formula of it rather than the column itself. */
    private static final Set<String> OPERATORS = Set.of(
            "per",
            "divided",
            "over",
            "relative",
            "ratio",
            "times",
            "multiplied",
            "minus",
            "plus",
            "normalised",
            "normalized",
            "adjusted",
            "squared",
            "cubed");

    private static final Set<String> SHARES =
            Set.of("share", "shares", "percentage", "percent", "fraction", "proportion", "ratio", "multiple");

    private FormulaTargets() {}

    /** The question to ask when the words after the target at {@code end} turn it into a formula. */
    static Optional<String> question(List<Words.Token> tokens, int end, String target, String clause) {
        if (end >= tokens.size()) {
            return Optional.empty();
        }
        String next = tokens.get(end).text();
        // "Apple's share price", "the IBM stock price": the price of a share, no share of anything.
        boolean sharePrice = Set.of("share", "shares", "stock").contains(next)
                && end + 1 < tokens.size()
                && Set.of("price", "prices", "value", "values", "quote", "quotes", "close", "closing")
                        .contains(tokens.get(end + 1).text());
        // "murders per 100,000 residents", "the crime rate per 1000 people": the unit a rate is counted in, no
        // division.
        boolean rateUnit = next.equals("per")
                && end + 1 < tokens.size()
                && tokens.get(end + 1).text().matches("[\\d,.]+|hundred|thousand|million|capita|head");
        boolean formula = !rateUnit && OPERATORS.contains(next)
                || SHARES.contains(next) && !next.equals("multiple") && !sharePrice
                || next.equals("as")
                        && end + 2 < tokens.size()
                        && Set.of("a", "the").contains(tokens.get(end + 1).text())
                        && SHARES.contains(tokens.get(end + 2).text())
                || next.equals("as")
                        && end + 1 < tokens.size()
                        && SHARES.contains(tokens.get(end + 1).text());
        if (!formula) {
            return Optional.empty();
        }
        return Optional.of(
                "\"" + clause.strip() + "\" names the target through a formula of " + target + ", and no column "
                        + "holds it; I did not train on " + target
                        + " itself. Create the column first (e.g. \"ratio = a / b\"), "
                        + "then predict it, or name the column to predict.");
    }
}
