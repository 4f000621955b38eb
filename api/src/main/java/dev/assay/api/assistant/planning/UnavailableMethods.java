package dev.assay.api.assistant.planning;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ClipMethod;
import dev.assay.model.plan.params.EncodeMethod;
import dev.assay.model.plan.params.ImputeStrategy;
import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ScaleMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways of doing a whitelisted step that Assay does not have: "fill Age using KNN", "use robust scaling", "try an
 * SVM". Without this the step was planned with its default way, or a follow-up left the plan as it was, and the answer
 * did not say so: a plausible plan that is not what was asked. The answer now names the way asked for, the ways the
 * action has (read from the action's own parameter type, so a new way shows up here by itself) and what the plan does
 * instead; the person, who reviews the plan before it runs, can change it or take the step out. It runs on every
 * planner's answer: a remote model swaps a way as quietly as a rule does.
 */
public final class UnavailableMethods {

    /**
     * One way that is not available. {@code family} is the way Assay uses for it on purpose (XGBoost is trained as
     * gradient boosting); when the plan's step uses that, the answer says so rather than calling it missing.
     */
    private record Unavailable(Pattern said, ActionType kind, String name, Optional<String> family) {}

    private static final Pattern FILL_WORDS =
            Pattern.compile("\\b(?:fill\\w*|imput\\w*|missing|gaps?|nulls?|nans?|blanks?|empty)\\b");
    private static final Pattern MODEL_WORDS =
            Pattern.compile("\\b(?:classif\\w*|regress\\w*|model\\w*|predict\\w*|train\\w*|fit|forecast\\w*)\\b");
    /** Where one step's words end: a comma, a full stop, "and", "then". */
    private static final Pattern CLAUSE_END = Pattern.compile("[,;.]|\\s(?:and|then)\\s");
    /** Where a request's part ends: "fill gaps in apple and amazon with the previous value" is one part. */
    private static final Pattern PART_END = Pattern.compile("[,;.]|\\sthen\\s");

    private static final Pattern NEIGHBOURS =
            Pattern.compile("\\bk[- ]?nn\\b|\\bk[- ]nearest\\b|\\bnearest[- ]neighbou?rs?\\b");

    private static final List<Unavailable> WAYS = List.of(
            way("\\binterpolat\\w*", ActionType.IMPUTE, "Interpolation"),
            way(
                    "\\bforward[- ]?fill\\w*|\\bffill\\b|\\bback(?:ward)?[- ]?fill\\w*|\\bbfill\\b"
                            + "|\\b(?:previous|prior|preceding|last\\s+(?:known|observed|valid)|next|following)\\s+"
                            + "(?:value|row|observation|reading|day|entry)s?\\b|\\bcarry\\s+(?:\\w+\\s+){0,2}(?:forward|over)\\b",
                    ActionType.IMPUTE,
                    "Filling from a neighbouring row (forward or backward fill)"),
            way(
                    "\\bmice\\b|\\biterative(?:ly)?\\s+imput\\w*|\\bregression\\s+imput\\w*|\\bmodel[- ]based\\s+imput\\w*",
                    ActionType.IMPUTE,
                    "Model-based imputation"),
            // "fill Age with the average of people with the same title", "the median per class": one value for the
            // whole column is not what was asked.
            way(
                    "\\b(?:mean|median|average|mode|most\\s+common\\s+\\w+|most\\s+frequent\\s+\\w+)\\s+(?:[\\w']+\\s+){0,4}?"
                            + "(?:with\\s+the\\s+same\\b|per\\s+(?!cent\\b)\\w+|grouped\\s+by\\b|(?:within|for|in|of)\\s+each\\s+\\w+"
                            + "|by\\s+(?:group|class|category|title|sex|gender)\\b)",
                    ActionType.IMPUTE,
                    "Filling by group (a value from similar rows)"),
            way("\\brobust[- ]?scal\\w*", ActionType.SCALE, "Robust scaling"),
            way("\\bmax[- ]?abs\\w*", ActionType.SCALE, "Max-abs scaling"),
            way("\\bquantile\\s+(?:transform\\w*|normali[sz]\\w*|scal\\w*)", ActionType.SCALE, "A quantile transform"),
            way(
                    "\\bbox[- ]?cox\\b|\\byeo[- ]?johnson\\b|\\bpower\\s+transform\\w*",
                    ActionType.SCALE,
                    "A power transform"),
            way(
                    "\\b(?:clip\\w*|cap\\w*|trim\\w*|outliers?)\\b[^,.;]*?\\b(?:using|by|with|based\\s+on|via)\\s+"
                            + "(?:the\\s+|a\\s+)?z[- ]?scores?\\b|\\bz[- ]?scores?[- ]based\\s+(?:clip\\w*|cap\\w*|outlier)",
                    ActionType.CLIP_OUTLIERS,
                    "Clipping by z-score"),
            way(
                    "\\bmedian\\s+absolute\\s+deviation",
                    ActionType.CLIP_OUTLIERS,
                    "Clipping by median absolute deviation"),
            way(
                    "\\bisolation\\s+forest\\b|\\blocal\\s+outlier\\s+factor\\b|\\bdbscan\\b",
                    ActionType.CLIP_OUTLIERS,
                    "Finding outliers with a model"),
            way(
                    "\\b(?:target|mean|frequency|count|binary|hash(?:ing)?|leave[- ]one[- ]out|woe)[- ]encod\\w*"
                            + "|\\bhashing\\s+trick\\b|\\bembeddings?\\b",
                    ActionType.ENCODE,
                    null),
            way(
                    "\\bsvms?\\b|\\bsvc\\b|\\bsvr\\b|\\bsupport[- ]vector\\w*",
                    ActionType.TRAIN_MODEL,
                    "A support vector machine"),
            way(
                    "\\bneural\\s+(?:net|network)s?\\b|\\bmlp\\b|\\bdeep\\s+learning\\b|\\bmulti-?layer\\s+perceptron",
                    ActionType.TRAIN_MODEL,
                    "A neural network"),
            way("\\bna[iï]ve\\s+bayes\\b", ActionType.TRAIN_MODEL, "Naive Bayes"),
            way(
                    "\\blasso\\b|\\belastic[- ]?net\\b",
                    ActionType.TRAIN_MODEL,
                    "A penalised regression (lasso, elastic net)"),
            new Unavailable(
                    Pattern.compile("\\bxgboost\\b|\\blightgbm\\b|\\bcatboost\\b"),
                    ActionType.TRAIN_MODEL,
                    null,
                    Optional.of(ModelAlgorithm.GRADIENT_BOOSTING.wireName())));

    // Ridge is no entry: linear_regression is ridge (alpha 1, docs/actions-and-models.md), so it is available.
    private static final Map<String, String> PROPER_NAMES =
            Map.of("xgboost", "XGBoost", "lightgbm", "LightGBM", "catboost", "CatBoost");

    /** The parameter that holds the way, the way a step takes when none is set, and every way the action has. */
    private record Way(String param, String byDefault, List<String> all, String doing) {}

    private static final Map<ActionType, Way> PARAMS = Map.of(
            ActionType.IMPUTE,
            new Way(
                    "strategy",
                    ImputeStrategy.MEDIAN.wireName(),
                    names(ImputeStrategy.values(), ImputeStrategy::wireName),
                    "ways Assay fills gaps"),
            ActionType.SCALE,
            new Way(
                    "method",
                    ScaleMethod.STANDARD.wireName(),
                    names(ScaleMethod.values(), ScaleMethod::wireName),
                    "ways Assay scales"),
            ActionType.CLIP_OUTLIERS,
            new Way(
                    "method",
                    ClipMethod.IQR.wireName(),
                    names(ClipMethod.values(), ClipMethod::wireName),
                    "ways Assay clips outliers"),
            ActionType.ENCODE,
            new Way(
                    "method",
                    EncodeMethod.ONEHOT.wireName(),
                    names(EncodeMethod.values(), EncodeMethod::wireName),
                    "ways Assay encodes"),
            ActionType.TRAIN_MODEL,
            new Way(
                    "model",
                    ModelAlgorithm.AUTO.wireName(),
                    Arrays.stream(ModelAlgorithm.values())
                            .filter(m -> m != ModelAlgorithm.AUTO)
                            .map(ModelAlgorithm::wireName)
                            .toList(),
                    "models Assay trains"));

    private UnavailableMethods() {}

    private static Unavailable way(String regex, ActionType kind, String name) {
        return new Unavailable(Pattern.compile(regex), kind, name, Optional.empty());
    }

    private static <E> List<String> names(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).toList();
    }

    /** "not xgboost, a random forest", "instead of robust scaling": a way said as not wanted is no request for it. */
    private static final Pattern NEGATED = Pattern.compile(
            "(?:\\bnot|\\bno|n't|\\binstead\\s+of|\\brather\\s+than|\\bwithout)\\s+(?:an?\\s+|the\\s+|any\\s+)?$");

    /**
     * What the answer must add about the ways the request asked for that Assay does not have; empty when none.
     * {@code columns} are the dataset's column names: "drop the ridge column" names a column, not a model.
     */
    public static List<String> warnings(String prompt, List<PlanStep> steps, java.util.Collection<String> columns) {
        String text = prompt.toLowerCase(Locale.ROOT);
        List<String> names =
                columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> warnings = new ArrayList<>();
        Optional<Matcher> neighbours = asked(NEIGHBOURS, ActionType.TRAIN_MODEL, text, names);
        if (neighbours.isPresent()) {
            // "fill Age with the median and predict Survived with a k-nearest neighbours classifier": the words of
            // the neighbours' own clause say which step they are a way of.
            int start = neighbours.get().start();
            int end = neighbours.get().end();
            boolean fill = !MODEL_WORDS
                            .matcher(clauseAround(text, start, end, CLAUSE_END))
                            .find()
                    && FILL_WORDS
                            .matcher(clauseAround(text, start, end, PART_END))
                            .find();
            warnings.add(warning(
                    fill ? "K-nearest-neighbour imputation" : "A k-nearest-neighbours model",
                    fill ? ActionType.IMPUTE : ActionType.TRAIN_MODEL,
                    Optional.empty(),
                    steps));
        }
        for (Unavailable way : WAYS) {
            Optional<Matcher> said = asked(way.said(), way.kind(), text, names);
            if (said.isPresent()) {
                String words = said.get().group().strip();
                String name = way.name() != null ? way.name() : PROPER_NAMES.getOrDefault(words, capitalised(words));
                warnings.add(warning(name, way.kind(), way.family(), steps));
            }
        }
        return warnings;
    }

    /**
     * The first place the words ask for the way: not inside a column's name, not said as unwanted, within one clause
     * ("clip Fare and standardise the bill with z-scores" asks for no z-score clipping), and for a way of filling,
     * in a clause about filling ("predict the next day's close" asks for no fill).
     */
    private static Optional<Matcher> asked(Pattern way, ActionType kind, String text, List<String> columns) {
        Matcher m = way.matcher(text);
        while (m.find()) {
            String words = m.group().strip();
            String part = clauseAround(text, m.start(), m.end(), PART_END);
            boolean inAName = columns.stream().anyMatch(c -> c.contains(words));
            boolean negated = NEGATED.matcher(text.substring(0, m.start())).find();
            boolean acrossClauses = CLAUSE_END.matcher(words).find();
            boolean noFill =
                    kind == ActionType.IMPUTE && !FILL_WORDS.matcher(part).find();
            if (!inAName && !negated && !acrossClauses && !noFill) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String warning(String name, ActionType kind, Optional<String> family, List<PlanStep> steps) {
        Way way = PARAMS.get(kind);
        // Every step of the kind, with its columns when there are several: "fill Age using KNN and Embarked with the
        // mode" has a median fill of Age and a mode fill of Embarked, and the answer must not name only one.
        List<PlanStep> ofKind = steps.stream().filter(s -> s.type() == kind).toList();
        Optional<String> used = ofKind.isEmpty()
                ? Optional.empty()
                : Optional.of(String.join(
                        "; ",
                        ofKind.stream()
                                .map(s -> String.valueOf(s.params().getOrDefault(way.param(), way.byDefault()))
                                        + (ofKind.size() > 1
                                                        && s.params().get("columns") instanceof List<?> on
                                                        && !on.isEmpty()
                                                ? " for "
                                                        + String.join(
                                                                ", ",
                                                                on.stream()
                                                                        .map(String::valueOf)
                                                                        .toList())
                                                : ""))
                                .distinct()
                                .toList()));
        if (used.isPresent() && family.isPresent() && family.get().equals(used.get())) {
            return name + " itself is not available: the " + kind.wireName() + " step uses " + used.get()
                    + ", the nearest model Assay has.";
        }
        String available = "(" + String.join(", ", way.all()) + ")";
        return used.map(u -> name + " is not one of the " + way.doing() + " " + available + ": the " + kind.wireName()
                        + (u.equals(ModelAlgorithm.AUTO.wireName())
                                ? " step compares those and keeps the best instead."
                                : " step uses " + u + " instead.")
                        + " Change it, or take the step out if that will not do.")
                .orElse(name + " is not one of the " + way.doing() + " " + available
                        + ", so nothing was planned for it.");
    }

    private static String clauseAround(String text, int start, int end, Pattern boundary) {
        int from = 0;
        Matcher ends = boundary.matcher(text);
        int to = text.length();
        while (ends.find()) {
            if (ends.end() <= start) {
                from = ends.end();
            } else if (ends.start() >= end) {
                to = ends.start();
                break;
            }
        }
        return text.substring(from, to);
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
