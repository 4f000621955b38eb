package dev.assay.api.assistant.builtin;

import dev.assay.api.assistant.planning.Conversation;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-ups that refine the current plan instead of starting a new one: "undo", "remove the last step",
 * "remove the scaling", "use the mean instead", "use gradient boosting instead", "predict island instead",
 * "not Cabin" / "keep urban", "also use X as a feature"; anything else is planned on its own and added to the
 * current plan (before the model, which stays last).
 */
final class FollowUps {

    /** The revised plan and what could not be done. */
    record Revision(List<PlanStep> steps, List<String> warnings) {}

    /** "before anything else, …", "first of all, …", "…, at the very start of the plan": where the new steps go. */
    private static final Pattern AT_START = Pattern.compile(
            "(?i)^\\s*(?:before\\s+(?:anything|everything)\\s+else|first\\s+of\\s+all|first\\s+things\\s+first|to\\s+begin\\s+with"
                    + "|as\\s+the\\s+(?:very\\s+)?first\\s+step)\\s*[,:]?\\s*"
                    + "|,?\\s*(?:as\\s+the\\s+(?:very\\s+)?first\\s+step|at\\s+the\\s+(?:very\\s+)?(?:start|beginning)"
                    + "(?:\\s+of\\s+the\\s+plan)?|before\\s+(?:anything|everything)\\s+else"
                    // "scale size first", but not "keeping the first" (which duplicate stays).
                    + "|(?<!\\bthe|\\bkeep|\\bkeeping)\\s+first)\\s*[.!]?\\s*$");

    /**
     * "Before the scaling, clip the outliers in magnesium", "fill Embarked first, ahead of the encoding": the new steps
     * go right before the first step of that kind, which stays as it is.
     */
    private static final Pattern BEFORE_KIND = Pattern.compile(
            "(?i)^\\s*(?:before|prior\\s+to|ahead\\s+of)\\s+(?:the\\s+|any\\s+|doing\\s+the\\s+)?([\\p{L}-]+)"
                    + "(?:\\s+(?:step|steps))?\\s*,\\s*"
                    + "|\\s*,?\\s+(?:first\\s*,?\\s+)?(?:before|prior\\s+to|ahead\\s+of)\\s+(?:the\\s+|any\\s+)?([\\p{L}-]+)"
                    + "(?:\\s+(?:step|steps))?\\s*[.!]?\\s*$");

    /**
     * "fill Fare too", "impute Fare as well": a step like one the plan has, on more columns. ("also scale X" before
     * the columns stays a step of its own, as it always has; either plan does the same.)
     */
    private static final Pattern TOO = Pattern.compile("\\b(?:too|as well)\\W*$");

    /** "undo", "scratch that last change", "never mind", "revert the previous answer", "cancel that": the last turn goes. */
    private static final Pattern UNDO = Pattern.compile(
            "^\\s*(?:(?:please|actually|oh|no|hmm|ok|okay|sorry|wait)\\W*\\s+)*(?:undo|revert|go back|roll ?back|take (?:that|it) back"
                    + "|scratch|never ?mind|cancel|forget|discard|reverse)"
                    + "(?:\\s+(?:to\\s+)?(?:that|it|this|those|these))?(?:\\s+(?:to\\s+)?(?:the\\s+|my\\s+|your\\s+)?(?:last|previous|latest"
                    + "|most recent|earlier|old|former)?\\s*(?:answer|change|changes|turn|edit|edits|request|suggestion|one|bit|plan"
                    + "|version))?(?:\\s+(?:please|then))?\\W*$");
    /**
     * "take that last change back", "put it back the way it was", "roll the previous edit back": the verb's particle
     * after its object says the same undo.
     */
    private static final Pattern UNDO_BACK = Pattern.compile(
            "^\\s*(?:(?:please|actually|oh|no|hmm|ok|okay|sorry|wait|um|uh)\\W*\\s+)*(?:take|put|roll|set|change)\\s+"
                    + "(?:that|it|this|the|my|your)(?:\\s+(?:last|previous|latest|most recent|final))?"
                    + "(?:\\s+(?:change|changes|edit|edits|step|answer|turn|one|bit|request|update))?\\s+back"
                    + "(?:\\s+(?:the way it was|to how it was|to what it was|again))?(?:\\s+(?:please|then))?\\W*$");
    /**
     * "no, not logistic regression - a decision tree", "not label, but one-hot": the thing the plan has now, then
     * what to have instead, said as a correction; read as "a decision tree instead of logistic regression".
     */
    private static final Pattern NOT_BUT = Pattern.compile(
            "(?i)^((?:(?:no|nope|actually|hmm+|wait|ok|okay|sorry|well|oh)\\s*[,.!;:]?\\s*)*)not\\s+(.+?)"
                    + "(?:\\s+[-–—]+\\s+|\\s*[,;:]\\s*|\\s+but\\s+)(?:rather\\s+|instead\\s+|use\\s+|with\\s+)?(.+?)\\W*$");
    /**
     * "don't encode sex, just the island", "do not scale fare, only age": the step of that kind keeps only the
     * columns said after "just"; the column said not to is taken out of it, and no other step changes.
     */
    private static final Pattern NOT_THIS_JUST_THAT = Pattern.compile(
            "^(?:don't|dont|do not|no need to|never)\\s+(\\p{L}[\\p{L}-]*?)(?:ing)?\\s+(.+?)\\s*[,;]?\\s+(?:just|only)\\s+(.+?)"
                    + "(?:\\s+(?:please|then|instead))?\\W*$");
    /**
     * "start over and just drop Cabin", "scrap the whole plan: fill Age", "from scratch, encode sex": a new plan in
     * place of the current one, not a change to it. ("forget that" alone is an undo of the last answer.)
     */
    private static final Pattern START_OVER = Pattern.compile(
            "(?i)^(?:(?:let's|lets|let\\s+us|we|i\\s+want\\s+to|i'd\\s+like\\s+to|please|can\\s+we|could\\s+we)\\s+)*"
                    + "(?:start(?:\\s+(?:all\\s+)?over|\\s+again|\\s+afresh|\\s+fresh|\\s+from\\s+scratch)"
                    + "|(?:begin|do\\s+it|redo\\s+it)\\s+(?:again\\s+)?from\\s+scratch|from\\s+scratch|clean\\s+slate|new\\s+plan"
                    + "|(?:scrap|forget|throw\\s+away|throw\\s+out|discard|drop|clear|wipe|bin|ditch)\\s+"
                    + "(?:the\\s+(?:whole\\s+|current\\s+|entire\\s+)?plan"
                    // "drop everything except Age", "forget everything about Age": "everything" is the plan only when
                    // nothing is said of it.
                    + "|(?:everything|it\\s+all|all\\s+of\\s+(?:that|it|this))(?=\\s*(?:[,:;.!\u2013\u2014-]|\\s+and\\b|\\s+then\\b|$))))"
                    + "(?:\\s*[,:;.!\u2013\u2014-]+\\s*|\\s+and\\s+(?:then\\s+)?|\\s+then\\s+|\\s+|$)"
                    + "(?:(?:then|instead|just|only|and)\\s+)*(.*)$");

    /** "instead of poverty use urban", "rather than the mean, take the median": the old choice said first. */
    private static final Pattern INSTEAD_FIRST = Pattern.compile(
            "(?i)^(?:instead\\s+of|rather\\s+than|in\\s+place\\s+of)\\s+(.+?)\\s*,?\\s+(?:use|take|try|go\\s+with|have|pick|put)\\s+(.+?)\\W*$");

    /** "… except body mass", "… but not Age", "… apart from the ids", "… other than X": a scope said with exclusions. */
    private static final Pattern EXCEPT =
            Pattern.compile("\\b(?:except(?:\\s+for)?|excluding|apart\\s+from|other\\s+than|but\\s+not|besides)\\b");

    /** "no, …", "actually, …", "I changed my mind, …": words that open a correction and carry no request. */
    private static final Pattern OPENING = Pattern.compile(
            "^(?:(?:no|nope|nah|actually|hmm+|wait|ok|okay|sorry|well|oh"
                    + "|on second thoughts?|i(?:'ve| have)? changed my mind|let me rethink|scratch that part)\\s*[,.!;:-]\\s*)+");

    private static final Pattern SWAP = Pattern.compile(
            "^(?:\\w+\\s+)?(?:swap|exchange|replace|change|switch)\\s+(?:out\\s+)?(.+?)\\s+(?:for|with|to|by)\\s+(.+)$");
    /** "A rather than B", "A instead of B": B is what the plan has now, not what to change to. */
    private static final Pattern RATHER_THAN =
            // A decimal point ("rather than 1.5") is no end of the old choice.
            Pattern.compile("\\s*\\b(?:rather than|instead of|in place of|not)\\s+(?:[^,.;]|\\.(?=\\d))*");

    /** The verbs that take a step out of the plan, however the step is then named (by place, number or kind). */
    private static final String REMOVING = "remove|drop|delete|skip|forget|get\\s+rid\\s+of|take\\s+out|take\\s+away"
            + "|eliminate|leave\\s+out|cut|lose|undo|scrap|scratch|ditch";

    private static final Pattern REMOVE_POSITION = Pattern.compile(
            "\\b(?:" + REMOVING + ")\\s+(?:the\\s+)?(last|final|first|previous)\\s+(?:step|action|one)\\b");
    private static final Pattern REMOVE_STEP_NUMBER = Pattern.compile(
            "\\b(?:" + REMOVING
                    + ")\\s+(?:step\\s+(?:number\\s+)?(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
                    + "|(?:the\\s+)?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th))\\s+(?:step|action|one))\\b");
    /** "do the same for Fare", "same for body mass", "likewise for tip", "Fare too": the last step also takes X. */
    private static final Pattern SAME_FOR = Pattern.compile(
            "^(?:\\w+\\W*\\s+)?(?:(?:do|apply)\\s+(?:the\\s+)?same(?:\\s+thing)?|(?:the\\s+)?same(?:\\s+thing)?|likewise|ditto|also|and)\\s+(?:for|to|with|on)\\s+(.+?)\\W*$"
                    + "|^(?:and\\s+)?(?:also\\s+)?(.+?)\\s+(?:too|as well)\\W*$"
                    // "and Fare", "also the fare": only columns after the word (checked where it is read), and only
                    // when the step it adds to is the plan's last ("and Fare" after a model is about the model).
                    + "|^(?:and|plus|also)\\s+(.+?)\\W*$");
    /** "drop worst area from the inputs", "remove Age from the features", "take Fare out of the model". */
    private static final Pattern OUT_OF_INPUTS = Pattern.compile(
            "\\b(?:drop|remove|delete|exclude|take|leave)\\b.*\\b(?:from|out of)\\s+(?:the\\s+)?(?:inputs?|features?|predictors?|model)\\b");
    /** "get rid of the log step", "take out the scaling step please": a kind of step to remove from the plan. */
    private static final Pattern REMOVE_KIND = Pattern.compile("\\b(?:" + REMOVING
            + "|no|don't do|do not do|without|revert|reverse|cancel|back out|roll back)\\s+(?:the\\s+|any\\s+|that\\s+)?(\\p{L}[\\p{L}-]*)(?:\\s+(?:step|action|part))?"
            + "(?:\\s+(?:please|too|as well|entirely|altogether|at all|whatsoever|(?:from|out of) the plan))*"
            + "(?:\\W+(?:please|thanks))?\\W*$");
    /**
     * "take the fill step back out", "pull the scaling out again": the particle after the kind of step says the
     * removal, as "take out the fill step" does.
     */
    private static final Pattern REMOVE_KIND_AFTER = Pattern.compile(
            "\\b(?:take|pull|leave|cut|strip|rip|throw|toss|get|drop|knock|yank)\\s+(?:the\\s+|that\\s+|this\\s+|any\\s+)?"
                    + "(\\p{L}[\\p{L}-]*)(\\s+(?:step|action|part|bit))?\\s+(?:back\\s+)?(?:out|off|away)"
                    + "(?:\\s+(?:again|please|of the plan|from the plan|after all))*\\W*$");
    /**
     * "forget the scaling, trees don't need it", "drop the clipping since it hurts": a reason said after the request
     * is no request of its own, so the removal is read without it.
     */
    private static final Pattern REASON = Pattern.compile(
            "\\s*[,;:\u2013\u2014-]+\\s*(?:because|since|as|(?:\\p{L}+\\s+){0,3}(?:don't|doesn't|do not|does not|won't"
                    + "|isn't|aren't|is not|are not)\\s+(?:need|needed|necessary|help|helping|matter|useful)"
                    // "the model can deal with origin itself", "the forest copes with it by itself": what the model
                    // manages on its own is why, not what to do.
                    + "|(?:the\\s+)?(?:model|forest|random forest|trees?|algorithm|classifier|regressor|booster|it|they)\\s+"
                    + "(?:can\\s+|could\\s+|will\\s+|should\\s+)?(?:deal|deals|cope|copes|handle|handles|manage|manages"
                    + "|work|works|take\\s+care|takes\\s+care)\\b"
                    // "scrap the model, I just want the cleaning": what is wanted instead is what stays.
                    + "|(?:i|we)\\s+(?:just|only)\\s+(?:want|need)\\b)\\b.*$");
    /**
     * "don't clip anything", "no need to scale at all", "stop encoding": the verb of a kind of step, said as not
     * wanted, removes every step of that kind (never reads "anything" as a column).
     */
    private static final Pattern NOT_VERB = Pattern.compile(
            "\\b(?:don't|dont|do not|never|no need to|there's no need to|stop|quit)\\s+(\\p{L}[\\p{L}-]*?)(?:ing)?"
                    + "(?:\\s+(?:anything|any\\s+(?:columns?|values|of them|variables?)|at all|them|it|the data|whatsoever))*"
                    + "(?:\\s+(?:please|after all|then|either))*\\W*$");
    /** The verbs of a kind of step, as said in "don't clip anything". */
    private static final Map<String, ActionType> VERB_KINDS = Map.ofEntries(
            Map.entry("clip", ActionType.CLIP_OUTLIERS), Map.entry("cap", ActionType.CLIP_OUTLIERS),
            Map.entry("capp", ActionType.CLIP_OUTLIERS), Map.entry("clipp", ActionType.CLIP_OUTLIERS),
            Map.entry("winsorize", ActionType.CLIP_OUTLIERS), Map.entry("winsorise", ActionType.CLIP_OUTLIERS),
            Map.entry("scale", ActionType.SCALE), Map.entry("scal", ActionType.SCALE),
            Map.entry("standardize", ActionType.SCALE), Map.entry("standardise", ActionType.SCALE),
            Map.entry("standardiz", ActionType.SCALE), Map.entry("standardis", ActionType.SCALE),
            Map.entry("normalize", ActionType.SCALE), Map.entry("normalise", ActionType.SCALE),
            Map.entry("normaliz", ActionType.SCALE), Map.entry("normalis", ActionType.SCALE),
            Map.entry("encode", ActionType.ENCODE), Map.entry("encod", ActionType.ENCODE),
            Map.entry("one-hot", ActionType.ENCODE), Map.entry("impute", ActionType.IMPUTE),
            Map.entry("imput", ActionType.IMPUTE), Map.entry("fill", ActionType.IMPUTE),
            Map.entry("rename", ActionType.RENAME_COLUMNS), Map.entry("renam", ActionType.RENAME_COLUMNS),
            Map.entry("deduplicate", ActionType.DROP_DUPLICATES), Map.entry("dedupe", ActionType.DROP_DUPLICATES));

    private static final Map<String, ActionType> KINDS = Map.ofEntries(
            Map.entry("scaling", ActionType.SCALE), Map.entry("standardisation", ActionType.SCALE),
            Map.entry("standardization", ActionType.SCALE), Map.entry("normalisation", ActionType.SCALE),
            Map.entry("normalization", ActionType.SCALE), Map.entry("encoding", ActionType.ENCODE),
            Map.entry("one-hot", ActionType.ENCODE), Map.entry("dummies", ActionType.ENCODE),
            Map.entry("imputation", ActionType.IMPUTE), Map.entry("filling", ActionType.IMPUTE),
            Map.entry("model", ActionType.TRAIN_MODEL), Map.entry("training", ActionType.TRAIN_MODEL),
            Map.entry("clipping", ActionType.CLIP_OUTLIERS), Map.entry("capping", ActionType.CLIP_OUTLIERS),
            Map.entry("winsorizing", ActionType.CLIP_OUTLIERS), Map.entry("deduplication", ActionType.DROP_DUPLICATES),
            Map.entry("renaming", ActionType.RENAME_COLUMNS), Map.entry("casting", ActionType.CAST),
            Map.entry("conversion", ActionType.CAST), Map.entry("log", ActionType.FEATURE_ENGINEER),
            Map.entry("feature", ActionType.FEATURE_ENGINEER), Map.entry("features", ActionType.FEATURE_ENGINEER));
    private static final Map<String, String> OPERATION_KINDS = Map.of(
            "date-parts", "date_parts",
            "date-part", "date_parts",
            "date_parts", "date_parts",
            "binning", "bin",
            "bins", "bin",
            "bin", "bin",
            "log1p", "log1p",
            "text-length", "text_length");
    /** "remove Embarked from the encoding step", "take body mass out of the fill", "drop Fare from the scaling". */
    private static final Pattern OUT_OF_STEP = Pattern.compile(
            "^(?:please\\s+)?(?:remove|take|drop|exclude|leave|pull|delete|get|cut)\\b(.+?)\\b(?:out\\s+of|from|off)\\s+"
                    + "(?:the\\s+)?([\\p{L}-]+)(?:\\s+(?:step|steps|list|one))?(?:\\s+please)?\\W*$");

    /** "only scale Age", "encode only Sex": the step of that kind is said again in full, with nothing else. */
    private static final Pattern ONLY_STEP = Pattern.compile("^(?:please\\s+)?(?:only|solely)\\s+\\p{L}|"
            + "^(?:please\\s+)?\\p{L}[\\p{L}-]*\\s+only\\s+(?!the\\s+(?:first|last)\\b)");

    private static final Set<String> EXCLUDE_OPENERS = Set.of(
            "not", "without", "except", "keep", "leave", "exclude", "skip", "no", "but", "don't", "dont", "minus",
            "ignore");

    /** A column that records which rows a fill changed. */
    static final Pattern INDICATOR =
            Pattern.compile("\\bindicators?\\b|\\b(?:flag|flags|mark|marks)\\b.*\\b(?:filled|imputed|missing|gaps?)\\b"
                    // "plus missing-flags", "with was-imputed markers": the flag said after what it marks.
                    + "|\\b(?:missing|missingness|gap|imputed|filled)[\\s-]+(?:flags?|markers?)\\b");

    private final Profile profile;
    private final ColumnMatcher matcher;
    private final Function<String, Revision> fresh;

    FollowUps(Profile profile, ColumnMatcher matcher, Function<String, Revision> fresh) {
        this.profile = profile;
        this.matcher = matcher;
        this.fresh = fresh;
    }

    /**
     * A follow-up's test settings ("… and hold out 30 % for testing", "use 10-fold cross-validation") are taken out
     * first and put on the model step of the revised plan, whatever else the follow-up changes; said with no model in
     * the plan, the answer says they were not used.
     */
    Revision revise(String prompt, Conversation conversation) {
        return capped(prompt, conversation.plan(), withSettings(prompt, conversation));
    }

    /**
     * "switch those to one-hot, with at most ten new columns per feature": the cap said beside another change goes on
     * every one-hot encoding the follow-up added or changed that has none (the plan's other encodings keep theirs).
     */
    private static Revision capped(String prompt, List<PlanStep> before, Revision revised) {
        Optional<Integer> cap = ClauseSteps.maxCategories(prompt);
        if (cap.isEmpty()) {
            return revised;
        }
        List<PlanStep> steps = revised.steps().stream()
                .map(step -> step.type() == ActionType.ENCODE
                                && !"label".equals(step.params().get("method"))
                                && !step.params().containsKey("max_categories")
                                && !before.contains(step)
                        ? withCap(step, cap.get())
                        : step)
                .toList();
        return new Revision(steps, revised.warnings());
    }

    private static PlanStep withCap(PlanStep step, int cap) {
        Map<String, Object> params = new java.util.LinkedHashMap<>(step.params());
        params.put("max_categories", cap);
        return new PlanStep(step.type(), params);
    }

    private Revision withSettings(String prompt, Conversation conversation) {
        TrainingSettings testing = TrainingSettings.read(prompt);
        if (testing.isEmpty()) {
            return reviseWithoutSettings(prompt, conversation);
        }
        Revision revised = testing.onlySettings()
                ? new Revision(conversation.plan(), List.of())
                : reviseWithoutSettings(testing.rest(), conversation);
        List<String> warnings = new ArrayList<>(revised.warnings());
        warnings.addAll(testing.warnings());
        List<PlanStep> steps = new ArrayList<>(revised.steps());
        int model = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).type() == ActionType.TRAIN_MODEL) {
                model = i;
            }
        }
        if (model >= 0) {
            steps.set(
                    model,
                    new PlanStep(
                            ActionType.TRAIN_MODEL,
                            testing.applyTo(steps.get(model).params())));
        } else if (!testing.params().isEmpty()) {
            warnings.add("The plan trains no model, so how it is tested ("
                    + String.join(", ", testing.params().keySet()) + ") was not used.");
        }
        return new Revision(steps, warnings);
    }

    /** "remove the duplicates before scaling, not after", "fill in the ages before the scaling": a step moved. */
    private static final Pattern BEFORE_NOT_AFTER = Pattern.compile(
            "^(?:(?:please|and|also|then|now)\\s+)*(?:(?:do|put|move|run)\\s+)?(.+?)\\s+(before|after)\\s+(?:the\\s+|you\\s+|we\\s+)?(.+?)"
                    + "(?:\\s*,?\\s*(?:not|rather than|instead of)\\s+(?:before|after)(?:\\s+(?:it|that|them))?)?(?:\\s+please)?\\W*$");

    /**
     * "remove the duplicates before scaling, not after": the step of the first kind goes right before (or after) the
     * step of the second, nothing else changes. Only when each side names one kind of step the plan holds once.
     */
    private Optional<Revision> reordered(String text, List<PlanStep> current) {
        Matcher m = BEFORE_NOT_AFTER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<ActionType> moved = kindSaid(m.group(1));
        Optional<ActionType> anchor = kindSaid(m.group(3));
        // "put the scaling before the model and drop state first": words after the anchor that ask for more are no
        // move alone; read as one, the drop was lost.
        if (moved.isEmpty()
                || anchor.isEmpty()
                || moved.equals(anchor)
                || !onlyNamesAStep(m.group(1))
                || m.group(3).matches(".*(?:[,;]|\\band\\b|\\bthen\\b|\\balso\\b).*")) {
            return Optional.empty();
        }
        List<Integer> from = indexesOf(current, moved.get());
        List<Integer> at = indexesOf(current, anchor.get());
        if (from.size() != 1 || at.size() != 1) {
            return Optional.empty();
        }
        // "also scale Age before training" asks for a column the step does not have yet: that is no move.
        List<String> stepColumns = names(current.get(from.getFirst()).params().get("columns"));
        if (!stepColumns.isEmpty()
                && !stepColumns.containsAll(ColumnMatcher.unique(matcher.find(Words.tokens(m.group(1)))))) {
            return Optional.empty();
        }
        boolean before = m.group(2).equals("before");
        if (before == from.getFirst() < at.getFirst()) {
            return Optional.of(new Revision(
                    current,
                    List.of("The " + moved.get().wireName() + " step is already " + m.group(2) + " the "
                            + anchor.get().wireName() + " step; the plan is unchanged.")));
        }
        List<PlanStep> revised = new ArrayList<>(current);
        PlanStep step = revised.remove((int) from.getFirst());
        int anchorAt = revised.indexOf(current.get(at.getFirst()));
        revised.add(before ? anchorAt : anchorAt + 1, step);
        return Optional.of(new Revision(revised, List.of()));
    }

    /**
     * Whether the words say nothing but a step and its columns: "fill Age with the median before training" also asks
     * for a way to fill, so it is no move (reading it as one would drop the median).
     */
    private boolean onlyNamesAStep(String words) {
        List<Words.Token> tokens = Words.tokens(words);
        List<ColumnMatcher.Mention> mentions = matcher.find(tokens);
        return tokens.stream()
                .allMatch(t -> kindSaid(t.text()).isPresent()
                        || mentions.stream().anyMatch(mt -> mt.start() <= t.index() && t.index() < mt.end())
                        || ColumnMatcher.GRAMMAR.contains(t.text())
                        || Vocabulary.FILLER.contains(t.text())
                        || Set.of(
                                        "do",
                                        "the",
                                        "step",
                                        "remove",
                                        "removal",
                                        "drop",
                                        "dropping",
                                        "removing",
                                        "missing",
                                        "values",
                                        "gaps",
                                        "rows",
                                        "out",
                                        "in",
                                        "up",
                                        "that",
                                        "this")
                                .contains(t.text()));
    }

    /** The one kind of step a few words name: "remove the duplicates", "scaling", "fill in the ages". */
    private static Optional<ActionType> kindSaid(String words) {
        List<ActionType> kinds = new ArrayList<>();
        for (String word : words.toLowerCase(Locale.ROOT).split("[^\\p{L}-]+")) {
            ActionType kind = KINDS.containsKey(word)
                    ? KINDS.get(word)
                    : VERB_KINDS.containsKey(word)
                            ? VERB_KINDS.get(word)
                            : Set.of("duplicates", "dupes", "duplicate").contains(word)
                                    ? ActionType.DROP_DUPLICATES
                                    : word.endsWith("ing")
                                                    && VERB_KINDS.containsKey(word.substring(0, word.length() - 3))
                                            ? VERB_KINDS.get(word.substring(0, word.length() - 3))
                                            : null;
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds.size() == 1 ? Optional.of(kinds.getFirst()) : Optional.empty();
    }

    /** The columns leave the steps of one kind, step by step, so each stays where it was (one left empty goes). */
    private Revision narrowKind(ActionType kind, Set<String> left, List<PlanStep> current) {
        List<PlanStep> out = new ArrayList<>();
        boolean changed = false;
        for (PlanStep step : current) {
            if (step.type() != kind) {
                out.add(step);
                continue;
            }
            List<PlanStep> narrowed = exclude(left, List.of(step), current).steps();
            changed |= !narrowed.equals(List.of(step));
            out.addAll(narrowed);
        }
        return new Revision(
                out,
                changed
                        ? List.of()
                        : List.of(String.join(", ", left) + " is not named by any " + kind.wireName()
                                + " step of the plan; it is unchanged."));
    }

    private static List<Integer> indexesOf(List<PlanStep> steps, ActionType type) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).type() == type) {
                at.add(i);
            }
        }
        return at;
    }

    /** "I only need the hour from the pickup, not the other parts", "just the year from Date, not the rest". */
    private static final Pattern ONLY_PARTS = Pattern.compile(
            "\\b(?:only|just)\\b.*\\b(?:not|rather than|instead of)\\s+(?:the\\s+)?(?:other|rest|remaining|others)\\b"
                    + "|\\b(?:only|just)\\s+(?:keep|want|need)\\b");

    /**
     * "just the year from Date, not the rest": the plan's date-parts step of that column keeps only the parts said.
     * Only when the plan holds one such step (of the column named, if one is) and the parts said are date parts.
     */
    private Optional<Revision> onlyParts(String text, List<PlanStep> current) {
        if (!ONLY_PARTS.matcher(text).find()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        // "the day of the week" is the weekday, as in a request.
        for (Words.Token token : Words.tokens(Paraphrases.plain(text))) {
            String part = Vocabulary.DATE_PARTS.get(token.text());
            if (part != null && !parts.contains(part)) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = ColumnMatcher.unique(matcher.find(Words.tokens(text)));
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            PlanStep step = current.get(i);
            if (step.type() == ActionType.FEATURE_ENGINEER
                    && "date_parts".equals(step.params().get("operation"))
                    && (named.isEmpty()
                            || names(step.params().get("columns")).stream().anyMatch(named::contains))) {
                steps.add(i);
            }
        }
        if (steps.size() != 1) {
            return Optional.empty();
        }
        List<PlanStep> revised = new ArrayList<>(current);
        Map<String, Object> params =
                new LinkedHashMap<>(current.get(steps.getFirst()).params());
        params.put("parts", parts);
        revised.set(steps.getFirst(), new PlanStep(ActionType.FEATURE_ENGINEER, params));
        return Optional.of(new Revision(revised, List.of()));
    }

    /** "undo", "put it back the way it was", and both said one after the other ("undo that, put it back"). */
    private static boolean undo(String text) {
        List<String> parts = java.util.Arrays.stream(text.split("\\s*[,;]\\s*|\\s+(?:and|then)\\s+|\\s+-+\\s+"))
                .filter(part -> !part.isBlank())
                .toList();
        return UNDO.matcher(text).find()
                || UNDO_BACK.matcher(text).find()
                || !parts.isEmpty()
                        && parts.stream()
                                .allMatch(part -> UNDO.matcher(part).find()
                                        || UNDO_BACK.matcher(part).find());
    }

    private Revision reviseWithoutSettings(String prompt, Conversation conversation) {
        prompt = Paraphrases.phrasalVerbs(prompt);
        prompt = NOT_BUT.matcher(prompt.strip()).replaceFirst("$1$3 instead of $2");
        prompt = INSTEAD_FIRST.matcher(prompt).replaceFirst("use $2 instead of $1");
        String text = OPENING.matcher(prompt.toLowerCase(Locale.ROOT).strip()).replaceFirst("");
        if (text.isBlank()) {
            text = prompt.toLowerCase(Locale.ROOT).strip();
        }
        prompt = prompt.strip().substring(Math.max(0, prompt.strip().length() - text.length()));
        List<PlanStep> current = new ArrayList<>(conversation.plan());
        List<Words.Token> tokens = Words.tokens(text);
        List<ColumnMatcher.Mention> mentions = matcher.find(tokens);
        if (BuiltInPlanner.looksLikeCode(prompt, profile)) {
            return new Revision(
                    current,
                    List.of("This reads as code, a query, a shell command or a file path; Assay runs "
                            + "none of it, so the plan is unchanged."));
        }
        if (undo(text)) {
            if (conversation.turns().isEmpty()) {
                return new Revision(current, List.of("There is no earlier answer to undo; the plan is unchanged."));
            }
            return new Revision(conversation.turns().getLast().before(), List.of());
        }
        Matcher startOver = START_OVER.matcher(prompt.strip());
        if (startOver.matches()) {
            String rest = startOver.group(1).strip();
            String setAside = current.isEmpty()
                    ? ""
                    : " The previous plan (" + current.size() + (current.size() == 1 ? " step" : " steps")
                            + ") was set aside; undo brings it back.";
            if (rest.isEmpty()) {
                return new Revision(
                        List.of(), List.of(("The plan is cleared." + setAside).strip() + " Say which steps you want."));
            }
            Revision started = fresh.apply(rest);
            List<String> said = new ArrayList<>(started.warnings());
            if (!setAside.isEmpty()) {
                said.add("A new plan was started." + setAside);
            }
            return new Revision(started.steps(), said);
        }
        Optional<Revision> reordered = reordered(text, current);
        if (reordered.isPresent()) {
            return reordered.get();
        }
        Optional<Revision> fewerParts = onlyParts(text, current);
        if (fewerParts.isPresent()) {
            return fewerParts.get();
        }
        Matcher position = REMOVE_POSITION.matcher(text);
        if (position.find() && !current.isEmpty()) {
            current.remove(position.group(1).equals("first") ? 0 : current.size() - 1);
            return new Revision(current, List.of());
        }
        Matcher number = REMOVE_STEP_NUMBER.matcher(text);
        if (number.find()) {
            String said = number.group(1) != null ? number.group(1) : number.group(2);
            String digits = said.replaceAll("(?:st|nd|rd|th)$", "");
            int index = (digits.matches("\\d+") ? Integer.parseInt(digits) : NumberWords.wordValue(said)) - 1;
            if (index < 0 || index >= current.size()) {
                return new Revision(current, List.of("The plan has no step " + (index + 1) + "; it is unchanged."));
            }
            current.remove(index);
            return new Revision(current, List.of());
        }
        Matcher justThat = NOT_THIS_JUST_THAT.matcher(text);
        if (justThat.find() && VERB_KINDS.containsKey(justThat.group(1))) {
            Optional<Revision> revision = narrow(
                    VERB_KINDS.get(justThat.group(1)),
                    ColumnMatcher.unique(matcher.find(Words.tokens(justThat.group(2)))),
                    ColumnMatcher.unique(matcher.find(Words.tokens(justThat.group(3)))),
                    current);
            if (revision.isPresent()) {
                return revision.get();
            }
        }
        String unreasoned = REASON.matcher(text).replaceFirst("");
        List<ColumnMatcher.Mention> unreasonedMentions =
                unreasoned.equals(text) ? mentions : matcher.find(Words.tokens(unreasoned));
        Matcher after = REMOVE_KIND_AFTER.matcher(unreasoned);
        if (after.find() && unreasonedMentions.isEmpty()) {
            String word = after.group(1);
            ActionType type =
                    KINDS.containsKey(word) ? KINDS.get(word) : after.group(2) != null ? VERB_KINDS.get(word) : null;
            if (type != null) {
                if (current.removeIf(s -> s.type() == type)) {
                    return new Revision(current, List.of());
                }
                return new Revision(current, List.of("The plan has no " + type.wireName() + " step; it is unchanged."));
            }
        }
        Matcher notVerb = NOT_VERB.matcher(unreasoned);
        if (notVerb.find() && VERB_KINDS.containsKey(notVerb.group(1)) && unreasonedMentions.isEmpty()) {
            ActionType type = VERB_KINDS.get(notVerb.group(1));
            if (current.removeIf(s -> s.type() == type)) {
                return new Revision(current, List.of());
            }
            return new Revision(current, List.of("The plan has no " + type.wireName() + " step; it is unchanged."));
        }
        Matcher kind = REMOVE_KIND.matcher(unreasoned);
        // "remove the date-parts step", "drop the binning": one kind of new column goes, the other new columns stay.
        if (kind.find(0) && OPERATION_KINDS.containsKey(kind.group(1)) && unreasonedMentions.isEmpty()) {
            String operation = OPERATION_KINDS.get(kind.group(1));
            if (current.removeIf(s -> s.type() == ActionType.FEATURE_ENGINEER
                    && operation.equals(s.params().get("operation")))) {
                return new Revision(current, List.of());
            }
            return new Revision(current, List.of("The plan has no " + operation + " step; it is unchanged."));
        }
        // "drop the encode step", "delete the fill step": a verb before "step" names the kind too.
        Optional<ActionType> kindRemoved = kind.find(0) && unreasonedMentions.isEmpty()
                ? Optional.ofNullable(KINDS.get(kind.group(1)))
                        .or(() -> unreasoned.matches(
                                        ".*\\b" + Pattern.quote(kind.group(1)) + "\\s+(?:step|action|part)\\b.*")
                                ? Optional.ofNullable(VERB_KINDS.get(kind.group(1)))
                                : Optional.empty())
                : Optional.empty();
        if (kindRemoved.isPresent()) {
            ActionType type = kindRemoved.get();
            if (current.removeIf(s -> s.type() == type)) {
                return new Revision(current, List.of());
            }
            return new Revision(current, List.of("The plan has no " + type.wireName() + " step; it is unchanged."));
        }
        Set<String> words =
                new java.util.HashSet<>(tokens.stream().map(Words.Token::text).toList());
        Optional<PlanStep> model =
                current.stream().filter(s -> s.type() == ActionType.TRAIN_MODEL).findFirst();
        // "instead of dropping, fill them": the drop becomes a fill of the same columns, not a fill beside it.
        Optional<Revision> filled = DropToFill.revise(text, words, ColumnMatcher.unique(mentions), current, profile);
        if (filled.isPresent()) {
            return filled.get();
        }
        // "rather than imputing, remove the passengers whose age is missing": the fill becomes that drop of rows.
        Optional<Revision> dropped = FillToDrop.revise(text, ColumnMatcher.unique(mentions), current);
        if (dropped.isPresent()) {
            return dropped.get();
        }
        // "don't use sex as an input", "exclude name from the model's features": only the words before "inputs" name
        // columns ("model's" is no column), and they leave the model's inputs only.
        Optional<String> leftOut = ModelInputs.leftOut(text);
        List<ColumnMatcher.Mention> outOfModel =
                leftOut.map(w -> matcher.find(Words.tokens(w))).orElse(List.of());
        if (model.isPresent() && !outOfModel.isEmpty()) {
            List<PlanStep> others = current.stream()
                    .filter(s -> s.type() != ActionType.TRAIN_MODEL)
                    .toList();
            Revision narrowed = exclude(ColumnMatcher.unique(outOfModel), List.of(model.get()), current);
            List<PlanStep> out = new ArrayList<>(others);
            out.addAll(narrowed.steps());
            return new Revision(out, narrowed.warnings());
        }
        if (OUT_OF_INPUTS.matcher(text).find() && model.isPresent() && !mentions.isEmpty()) {
            List<PlanStep> others = current.stream()
                    .filter(s -> s.type() != ActionType.TRAIN_MODEL)
                    .toList();
            Revision narrowed = exclude(ColumnMatcher.unique(mentions), List.of(model.get()), current);
            List<PlanStep> out = new ArrayList<>(others);
            out.addAll(narrowed.steps());
            return new Revision(out, narrowed.warnings());
        }
        Matcher same = SAME_FOR.matcher(text);
        // The step said again is the plan's last one with columns, whatever its kind: skipping a feature step would
        // repeat an older step ("do the same for carat" after a log of price had scaled carat).
        Optional<PlanStep> last = current.stream()
                .filter(s -> s.type() != ActionType.TRAIN_MODEL
                        && !names(s.params().get("columns")).isEmpty())
                .reduce((a, b) -> b);
        if (same.find()
                && last.isPresent()
                && (same.group(3) == null || current.getLast() == last.get())
                && !mentions.isEmpty()
                && matcher.find(Words.tokens(sameFor(same))).size() == mentions.size()
                && words.stream()
                        .noneMatch(w -> Vocabulary.known(w)
                                && !Set.of(
                                                "same",
                                                "also",
                                                "too",
                                                "for",
                                                "to",
                                                "on",
                                                "with",
                                                "do",
                                                "apply",
                                                "thing",
                                                "likewise",
                                                "ditto")
                                        .contains(w))) {
            if (last.get().type() == ActionType.FEATURE_ENGINEER) {
                return featureAgain(last.get(), List.copyOf(ColumnMatcher.unique(mentions)), current);
            }
            List<String> columns = new ArrayList<>(names(last.get().params().get("columns")));
            ColumnMatcher.unique(mentions).stream()
                    .filter(c -> !columns.contains(c))
                    .forEach(columns::add);
            List<PlanStep> out = new ArrayList<>(current);
            Map<String, Object> params = new LinkedHashMap<>(last.get().params());
            params.put("columns", columns);
            out.set(current.indexOf(last.get()), new PlanStep(last.get().type(), params));
            return new Revision(out, List.of());
        }
        // "add a missing-value indicator to that fill", "flag the filled rows": the fill keeps a column saying which
        // rows it filled.
        if (INDICATOR.matcher(text).find() && current.stream().anyMatch(s -> s.type() == ActionType.IMPUTE)) {
            return new Revision(
                    changeOn(
                            current,
                            ActionType.IMPUTE,
                            List.copyOf(ColumnMatcher.unique(mentions)),
                            // "fill with the mean instead, and flag the filled values": both changes.
                            p -> {
                                p.put("add_indicator", true);
                                saidStrategy(words).ifPresent(strategy -> p.put("strategy", strategy));
                            }),
                    List.of());
        }
        // "swap the forest for a decision tree", "replace the scaling with min-max": the second is the new choice.
        Matcher swap = SWAP.matcher(text);
        String choice = text;
        if (swap.find() && !swap.group(1).matches(".*\\b(?:missing|gaps?|nulls?|empty|blanks?|nans?)\\b.*")) {
            // "change the target to Pclass" is a new target; "swap the forest for a tree" a new model.
            choice = (swap.group(1).matches(".*\\b(?:target|label|outcome|response)\\b.*") ? "predict " : "use ")
                    + swap.group(2) + " instead";
        }
        boolean rather = text.matches(".*\\b(?:rather than|instead of|in place of)\\b.*");
        boolean instead = words.contains("instead")
                || rather
                || !choice.equals(text)
                || text.matches(
                        "^(?:(?:please|can|could|would|you|let's|lets|let|us|i|we|i'd|we'd|id|rather|want|to|actually|ok"
                                + "|okay|now)\\W*\\s+){0,4}(?:use|switch|try|change|make|go with|prefer|have|what about"
                                + "|how about)\\b.*");
        if (instead) {
            // What comes after "rather than" is the old choice: it must not be read as the new one.
            String wanted = rather ? RATHER_THAN.matcher(choice).replaceAll("") : choice;
            Set<String> wantedWords = new java.util.HashSet<>(
                    Words.tokens(wanted).stream().map(Words.Token::text).toList());
            Optional<Revision> changed = changeMethod(wanted, wantedWords, matcher.find(Words.tokens(wanted)), current);
            if (changed.isPresent()) {
                return changed.get();
            }
            Matcher old = RATHER_THAN.matcher(choice);
            if (rather && old.find()) {
                Optional<Revision> swapped = swapColumn(
                        wanted,
                        List.copyOf(ColumnMatcher.unique(matcher.find(Words.tokens(old.group())))),
                        List.copyOf(ColumnMatcher.unique(matcher.find(Words.tokens(wanted)))),
                        current);
                if (swapped.isPresent()) {
                    return swapped.get();
                }
            }
        }
        Optional<Revision> inputs = onlyFeatures(text, words, mentions, current);
        if (inputs.isPresent()) {
            return inputs.get();
        }
        // "actually keep Ticket", "don't drop Age after all": the drop is taken back for those columns only.
        Optional<String[]> keepThenDrop = KeepBack.keepThenDrop(text);
        Optional<Revision> keptBack = keepThenDrop.isPresent()
                ? KeepBack.revise(
                        keepThenDrop.get()[0],
                        matcher.find(Words.tokens(keepThenDrop.get()[0])),
                        List.copyOf(ColumnMatcher.unique(
                                matcher.find(Words.tokens(keepThenDrop.get()[1])))),
                        current)
                : KeepBack.revise(text, mentions, current);
        if (keptBack.isPresent()) {
            return keptBack.get();
        }
        // "remove Embarked from the encoding step", "take body mass out of the fill": the column leaves the steps of
        // that kind, and only those; read as a new step, the column had gone into a second step of its own.
        Matcher outOf = OUT_OF_STEP.matcher(text);
        if (outOf.matches()) {
            Optional<ActionType> from = kindSaid(outOf.group(2));
            List<ColumnMatcher.Mention> leaving = matcher.find(Words.tokens(outOf.group(1)));
            if (from.isPresent()
                    && from.get() != ActionType.TRAIN_MODEL
                    && !leaving.isEmpty()
                    && current.stream().anyMatch(s -> s.type() == from.get())) {
                return narrowKind(from.get(), ColumnMatcher.unique(leaving), current);
            }
        }
        String first = tokens.isEmpty() ? "" : tokens.getFirst().text();
        if ((EXCLUDE_OPENERS.contains(first) || text.startsWith("leave out") || text.startsWith("do not use"))
                && !mentions.isEmpty()) {
            // "don't scale body mass", "don't clip weight": the column leaves the steps of the kind said, and only
            // those; taking it out of the model's inputs too was a change nobody asked for.
            Optional<ActionType> said = tokens.stream()
                    .map(t -> VERB_KINDS.get(t.text()))
                    .filter(java.util.Objects::nonNull)
                    .filter(k -> k != ActionType.TRAIN_MODEL)
                    .findFirst();
            if (said.isPresent() && current.stream().anyMatch(s -> s.type() == said.get())) {
                return narrowKind(said.get(), ColumnMatcher.unique(mentions), current);
            }
            return exclude(ColumnMatcher.unique(mentions), current, current);
        }
        Optional<PlanStep> training =
                current.stream().filter(s -> s.type() == ActionType.TRAIN_MODEL).findFirst();
        if (training.isPresent()
                && !mentions.isEmpty()
                && (words.contains("feature")
                        || words.contains("features")
                        || words.contains("predictor")
                        || text.matches("^(?:also\\s+)?(?:use|include|add)\\b.*"))
                && !words.contains("scale")
                && !words.contains("encode")) {
            List<String> dates = datesOf(words, ColumnMatcher.unique(mentions), current);
            if (!dates.isEmpty()) {
                List<String> parts = tokens.stream()
                        .map(t -> Vocabulary.DATE_PARTS.get(t.text()))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
                return new Revision(
                        append(
                                current,
                                List.of(new PlanStep(
                                        ActionType.FEATURE_ENGINEER,
                                        BuiltInPlanner.params(
                                                "operation", "date_parts", "columns", dates, "parts", parts)))),
                        List.of());
            }
            return addFeatures(ColumnMatcher.unique(mentions), training.get(), current);
        }
        // "before anything else, drop Cabin too", "one-hot day at the very start": the new steps go first.
        Matcher start = AT_START.matcher(prompt);
        boolean atStart = start.find();
        if (atStart) {
            prompt = start.replaceFirst(" ").strip();
        }
        int beforeStep = -1;
        Matcher beforeKind = BEFORE_KIND.matcher(prompt);
        if (!atStart && beforeKind.find()) {
            String kindWord = beforeKind.group(1) != null ? beforeKind.group(1) : beforeKind.group(2);
            Optional<ActionType> kindBefore = kindSaid(kindWord);
            // "and drop Cabin before that": the step the plan ends with (the model stays last either way).
            boolean pronoun = Set.of("that", "it", "this").contains(kindWord.toLowerCase(Locale.ROOT));
            if (pronoun && !current.isEmpty()) {
                kindBefore = current.stream()
                        .map(PlanStep::type)
                        .filter(t -> t != ActionType.TRAIN_MODEL)
                        .reduce((a, b) -> b);
            }
            if (kindBefore.isPresent() && kindBefore.get() != ActionType.TRAIN_MODEL) {
                List<Integer> at = indexesOf(current, kindBefore.get());
                if (!at.isEmpty()) {
                    beforeStep = pronoun ? at.getLast() : at.getFirst();
                    prompt = beforeKind.replaceFirst(" ").strip();
                }
            }
        }
        // "also fill the remaining gaps": the rest is what the current plan leaves missing, as in one request.
        List<String> restNotes = new ArrayList<>();
        Revision added =
                fresh.apply(RestOfGaps.read(prompt, current, profile, restNotes).orElse(prompt));
        if (!restNotes.isEmpty()) {
            List<String> notes = new ArrayList<>(restNotes);
            notes.addAll(added.warnings());
            added = new Revision(added.steps(), notes);
        }
        boolean every = words.contains("all") || words.contains("every") || words.contains("everything");
        if (atStart
                && !added.steps().isEmpty()
                && added.steps().stream().noneMatch(step -> step.type() == ActionType.TRAIN_MODEL)) {
            List<PlanStep> plan = new ArrayList<>(added.steps());
            plan.addAll(current);
            return new Revision(plan, added.warnings());
        }
        if (beforeStep >= 0
                && !added.steps().isEmpty()
                && added.steps().stream().noneMatch(step -> step.type() == ActionType.TRAIN_MODEL)
                && added.steps().stream().noneMatch(step -> conflicts(step, current))) {
            List<PlanStep> plan = new ArrayList<>(current);
            plan.addAll(beforeStep, added.steps());
            return new Revision(plan, added.warnings());
        }
        // "scale everything except body mass" on a plan that scales the four measurements: the scope of that step
        // said again, with what it leaves out. Added beside the old step, the old one kept body mass scaled. "Only
        // scale Age" says the scope again too: the step keeps Age and nothing else.
        if ((EXCEPT.matcher(text).find()
                        || ONLY_STEP.matcher(text).find() && !TOO.matcher(text).find())
                && added.steps().size() == 1) {
            PlanStep restated = added.steps().getFirst();
            List<Integer> ofKind = indexesOf(current, restated.type());
            if (restated.type() != ActionType.TRAIN_MODEL && ofKind.size() == 1) {
                List<PlanStep> plan = new ArrayList<>(current);
                plan.set(ofKind.getFirst(), restated);
                return new Revision(plan, added.warnings());
            }
        }
        if (TOO.matcher(text).find()) {
            Optional<List<PlanStep>> joined = joined(current, added.steps());
            if (joined.isPresent()) {
                return new Revision(joined.get(), added.warnings());
            }
        }
        return new Revision(merge(current, added.steps(), every), added.warnings());
    }

    /** Operations of one column, which can be done again on another; a formula of two needs its partner said. */
    private static final Set<String> ONE_COLUMN_OPERATIONS =
            Set.of("log1p", "date_parts", "bin", "text_length", "regex_extract");

    /**
     * "do the same for carat" after a log of price: the same operation, as a step of its own for each column said,
     * right after it. A formula of two columns is asked about rather than guessed at.
     */
    private static Revision featureAgain(PlanStep feature, List<String> columns, List<PlanStep> current) {
        String operation = String.valueOf(feature.params().get("operation"));
        if (!ONE_COLUMN_OPERATIONS.contains(operation)) {
            return new Revision(
                    current,
                    List.of("The last feature step (" + operation + " of "
                            + String.join(", ", names(feature.params().get("columns")))
                            + ") is a formula of two columns; say the new one in full (e.g. \"the ratio of A to B\")."
                            + " The plan was not changed."));
        }
        List<PlanStep> out = new ArrayList<>(current);
        int at = current.indexOf(feature) + 1;
        for (String column : columns) {
            Map<String, Object> params = new LinkedHashMap<>(feature.params());
            params.put("columns", List.of(column));
            params.remove("new_column");
            out.add(at++, new PlanStep(ActionType.FEATURE_ENGINEER, params));
        }
        return new Revision(out, List.of());
    }

    /** Whether a new step acts on a column a step of its kind already acts on (then the two are merged instead). */
    private static boolean conflicts(PlanStep step, List<PlanStep> current) {
        List<String> columns = names(step.params().get("columns"));
        return current.stream()
                .filter(s -> s.type() == step.type())
                .anyMatch(s -> columns.isEmpty()
                        || names(s.params().get("columns")).isEmpty()
                        || names(s.params().get("columns")).stream().anyMatch(columns::contains));
    }

    /**
     * "fill flipper length too" after a median fill of the bill: one new step like the plan's last step of its kind
     * (the same settings, other columns) joins that step instead of standing beside it as a second fill.
     */
    private static Optional<List<PlanStep>> joined(List<PlanStep> current, List<PlanStep> added) {
        if (added.size() != 1
                || added.getFirst().type() == ActionType.TRAIN_MODEL
                || added.getFirst().type() == ActionType.FEATURE_ENGINEER) {
            return Optional.empty();
        }
        PlanStep step = added.getFirst();
        List<String> columns = names(step.params().get("columns"));
        Map<String, Object> settings = new LinkedHashMap<>(step.params());
        settings.remove("columns");
        for (int i = current.size() - 1; i >= 0; i--) {
            PlanStep like = current.get(i);
            List<String> held = names(like.params().get("columns"));
            Map<String, Object> its = new LinkedHashMap<>(like.params());
            its.remove("columns");
            if (like.type() != step.type()) {
                continue;
            }
            if (columns.isEmpty()
                    || held.isEmpty()
                    || held.stream().anyMatch(columns::contains)
                    || !its.equals(settings)) {
                return Optional.empty();
            }
            List<String> all = new ArrayList<>(held);
            all.addAll(columns);
            Map<String, Object> params = new LinkedHashMap<>(like.params());
            params.put("columns", all);
            List<PlanStep> out = new ArrayList<>(current);
            out.set(i, new PlanStep(like.type(), params));
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** Actions whose steps on the same column replace each other: two encodings or two fills of one column conflict. */
    private static final Set<ActionType> ONE_PER_COLUMN = Set.of(
            ActionType.IMPUTE,
            ActionType.ENCODE,
            ActionType.SCALE,
            ActionType.CLIP_OUTLIERS,
            ActionType.CAST,
            ActionType.DROP_COLUMNS);

    /**
     * A follow-up's new step replaces what the plan already does of the same action instead of standing beside it:
     * on the columns it names, the new step wins (they leave the old step, which goes when none is left, and the
     * new step takes its place); said of no column ("make that a label encoding"), it changes how the existing steps
     * of that action work, on their columns. Anything else is added before the model.
     */
    static List<PlanStep> merge(List<PlanStep> current, List<PlanStep> added, boolean every) {
        List<PlanStep> plan = new ArrayList<>(current);
        List<PlanStep> rest = new ArrayList<>();
        for (PlanStep step : added) {
            if (!ONE_PER_COLUMN.contains(step.type()) || plan.stream().noneMatch(s -> s.type() == step.type())) {
                rest.add(step);
                continue;
            }
            List<String> columns = names(step.params().get("columns"));
            if (columns.isEmpty() && !every) {
                plan = replace(
                        plan,
                        step.type(),
                        p -> step.params().forEach((key, value) -> {
                            if (!key.equals("columns")) {
                                p.put(key, value);
                            }
                        }));
                continue;
            }
            int at = -1;
            List<PlanStep> out = new ArrayList<>();
            for (PlanStep old : plan) {
                List<String> oldColumns = names(old.params().get("columns"));
                boolean overlaps = old.type() == step.type()
                        && (columns.isEmpty()
                                || oldColumns.isEmpty()
                                || oldColumns.stream().anyMatch(columns::contains));
                if (!overlaps) {
                    out.add(old);
                    continue;
                }
                List<String> kept = columns.isEmpty() || oldColumns.isEmpty()
                        ? List.of()
                        : oldColumns.stream().filter(c -> !columns.contains(c)).toList();
                if (!kept.isEmpty()) {
                    Map<String, Object> params = new LinkedHashMap<>(old.params());
                    params.put("columns", kept);
                    out.add(new PlanStep(old.type(), params));
                }
                at = out.size();
            }
            if (at < 0) {
                rest.add(step);
                plan = out;
                continue;
            }
            out.add(at, step);
            plan = out;
        }
        return append(plan, rest);
    }

    /** The columns part of a {@link #SAME_FOR} match, whichever way it was said. */
    private static String sameFor(Matcher same) {
        for (int group = 1; group <= same.groupCount(); group++) {
            if (same.group(group) != null) {
                return same.group(group);
            }
        }
        return "";
    }

    /** A step's column list as names; anything else (absent, malformed) as none. */
    static List<String> names(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    /**
     * "only use A and B as inputs", "restrict the inputs to A", "use just A and B as predictors": the model's features
     * become exactly the named columns.
     */
    private Optional<Revision> onlyFeatures(
            String text, Set<String> words, List<ColumnMatcher.Mention> mentions, List<PlanStep> current) {
        Optional<PlanStep> training =
                current.stream().filter(s -> s.type() == ActionType.TRAIN_MODEL).findFirst();
        boolean inputsWord = words.stream()
                .anyMatch(Set.of(
                        "input",
                        "inputs",
                        "feature",
                        "features",
                        "predictor",
                        "predictors",
                        "variables",
                        "regressors",
                        "covariates")::contains);
        boolean only =
                words.stream().anyMatch(Set.of("only", "just", "restrict", "limit", "solely", "exactly")::contains);
        if (training.isEmpty()
                || mentions.isEmpty()
                || !only
                || !(inputsWord
                        || text.matches("^(?:\\w+\\s+)?(?:use|train on|fit on)\\b.*")
                        // "limit the model to alcohol and proline": its inputs, never a new target.
                        || text.matches(
                                "^(?:\\w+\\s+)?(?:limit|restrict)\\s+(?:the\\s+)?(?:model|it|training)\\s+to\\b.*"))) {
            return Optional.empty();
        }
        Object target = training.get().params().get("target");
        List<String> named = ColumnMatcher.unique(mentions).stream()
                .filter(c -> !c.equals(target))
                .toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Revision(replace(current, ActionType.TRAIN_MODEL, p -> p.put("features", named)), List.of()));
    }

    /** The fill a follow-up names: "the mean", "the average", "the median", "the most frequent value", "zeros". */
    static Optional<String> saidStrategy(Set<String> words) {
        return Optional.ofNullable(
                words.contains("mean") || words.contains("average")
                        ? "mean"
                        : words.contains("median")
                                ? "median"
                                : words.contains("mode") || words.contains("frequent") || words.contains("common")
                                        ? "mode"
                                        : words.contains("zero") || words.contains("zeros") ? "zero" : null);
    }

    /** "use the mean instead", "use gradient boosting instead", "predict island instead", "use min-max instead". */
    private Optional<Revision> changeMethod(
            String text, Set<String> words, List<ColumnMatcher.Mention> mentions, List<PlanStep> current) {
        String strategy = saidStrategy(words).orElse(null);
        List<String> named = List.copyOf(ColumnMatcher.unique(mentions));
        if (strategy != null && current.stream().anyMatch(s -> s.type() == ActionType.IMPUTE)) {
            return Optional.of(new Revision(
                    changeOrAdd(text, current, ActionType.IMPUTE, named, p -> p.put("strategy", strategy)), List.of()));
        }
        // "what about a decision tree?": a mark after the name still ends it.
        String spaced = " " + text.replaceAll("[^\\p{L}\\p{N}\\s-]", " ") + " ";
        Optional<String> model = Vocabulary.MODELS.stream()
                .filter(m -> spaced.contains(" " + m.getKey() + " ")
                        || (" " + Words.unhyphenated(spaced) + " ").contains(" " + m.getKey() + " "))
                .map(Map.Entry::getValue)
                .findFirst();
        boolean hasTraining = current.stream().anyMatch(s -> s.type() == ActionType.TRAIN_MODEL);
        if (hasTraining
                && named.size() == 1
                && (words.contains("predict")
                        || words.contains("target")
                        || words.contains("classify")
                        || words.contains("forecast")
                        || words.contains("model"))) {
            String target = named.getFirst();
            return Optional.of(new Revision(
                    replace(current, ActionType.TRAIN_MODEL, p -> {
                        p.put("target", target);
                        p.remove("task");
                        // The answer states the task for the new target, as for a fresh request.
                        var declared = new dev.assay.model.plan.params.TrainModelParams(
                                null,
                                target,
                                model.or(() -> Optional.ofNullable((String) p.get("model")))
                                        .map(m -> dev.assay.model.plan.params.ModelAlgorithm.valueOf(
                                                m.toUpperCase(Locale.ROOT)))
                                        .orElse(null),
                                null,
                                null,
                                null);
                        p.put(
                                "task",
                                declared.taskFor(profile.variables().get(target).columnInfo())
                                        .wireName());
                        if (p.get("features") instanceof List<?> features) {
                            p.put(
                                    "features",
                                    features.stream()
                                            .map(String::valueOf)
                                            .filter(f -> !f.equals(target))
                                            .toList());
                        }
                        model.ifPresent(m -> p.put("model", m));
                    }),
                    List.of()));
        }
        if (model.isPresent() && hasTraining) {
            return Optional.of(new Revision(
                    replace(current, ActionType.TRAIN_MODEL, p -> {
                        p.put("model", model.get());
                        if ("linear_regression".equals(model.get())) {
                            p.put("task", "regression");
                        } else if ("logistic_regression".equals(model.get())) {
                            p.put("task", "classification");
                        }
                    }),
                    List.of()));
        }
        boolean minmax = words.contains("min-max")
                || words.contains("minmax")
                || words.contains("normalise")
                || words.contains("normalize")
                || text.contains("0 to 1")
                || text.contains("0-1")
                || text.matches(".*\\b(?:0|zero)[- ]to[- ](?:1|one)\\b.*");
        boolean standard = words.contains("standard")
                || words.contains("z-score")
                || words.contains("z-scores")
                || words.contains("zscore")
                || words.contains("zscores")
                || words.contains("standardise")
                || words.contains("standardize")
                || words.contains("standardisation")
                || words.contains("standardization");
        if ((minmax || standard) && current.stream().anyMatch(s -> s.type() == ActionType.SCALE)) {
            return Optional.of(new Revision(
                    changeOrAdd(
                            text,
                            current,
                            ActionType.SCALE,
                            named,
                            p -> p.put("method", minmax ? "minmax" : "standard")),
                    List.of()));
        }
        if (current.stream().anyMatch(s -> s.type() == ActionType.CLIP_OUTLIERS)) {
            // "make it the 5th and 95th percentiles", "use 3 IQRs": the limits said go into the clipping step.
            ClipLimits limits =
                    ClipLimits.read(text, List.copyOf(profile.variables().keySet()));
            if (limits.refusal().isPresent()) {
                return Optional.of(
                        new Revision(current, List.of(limits.refusal().get())));
            }
            boolean percentile = limits.params().isEmpty()
                    ? words.stream()
                            .anyMatch(Set.of(
                                    "percentile",
                                    "percentiles",
                                    "quantile",
                                    "quantiles",
                                    "winsorize",
                                    "winsorise",
                                    "winsorizing")::contains)
                    : limits.percentile();
            boolean iqr = !limits.params().isEmpty() || words.contains("iqr") || text.contains("interquartile");
            if (percentile || iqr) {
                return Optional.of(new Revision(
                        changeOrAdd(text, current, ActionType.CLIP_OUTLIERS, named, p -> {
                            p.put("method", percentile ? "percentile" : "iqr");
                            // The other method's limits do not apply any more.
                            if (percentile) {
                                p.remove("factor");
                            } else {
                                p.remove("lower");
                                p.remove("upper");
                            }
                            p.putAll(limits.params());
                        }),
                        List.of()));
            }
        }
        // "keep at most three new columns per feature": a cap on the one-hot encodings' columns.
        Optional<Integer> cap = ClauseSteps.maxCategories(text);
        if (cap.isPresent()
                && current.stream()
                        .anyMatch(s -> s.type() == ActionType.ENCODE
                                && !"label".equals(s.params().get("method")))) {
            return Optional.of(new Revision(
                    changeOrAdd(text, current, ActionType.ENCODE, named, p -> {
                        p.put("method", "onehot");
                        p.put("max_categories", cap.get());
                    }),
                    List.of()));
        }
        boolean label = words.contains("label") || words.contains("ordinal");
        boolean onehot = words.contains("one-hot") || words.contains("onehot") || words.contains("dummies");
        if ((label || onehot) && current.stream().anyMatch(s -> s.type() == ActionType.ENCODE)) {
            return Optional.of(new Revision(
                    changeOrAdd(
                            text, current, ActionType.ENCODE, named, p -> p.put("method", label ? "label" : "onehot")),
                    List.of()));
        }
        return Optional.empty();
    }

    /**
     * "the zero-to-one kind of scaling": a word read as the model's target ("kind" for species) is no column a change
     * of method is on.
     */
    private static boolean namesTarget(List<PlanStep> steps, List<String> named) {
        return steps.stream()
                .filter(s -> s.type() == ActionType.TRAIN_MODEL)
                .anyMatch(s -> named.contains(String.valueOf(s.params().get("target"))));
    }

    /** "… instead, and add acceleration", "also include Age": the columns said are added, not what the change is on. */
    private static final Pattern ADDS = Pattern.compile("\\b(?:add|adding|also|too|as well|include|including|plus)\\b");

    /**
     * "scale with min-max instead and add acceleration": the change is on the plan's steps of that kind, and the
     * columns said join the last of them. Without such a word, the columns said are what the change is on.
     */
    private static List<PlanStep> changeOrAdd(
            String text,
            List<PlanStep> steps,
            ActionType type,
            List<String> named,
            java.util.function.Consumer<Map<String, Object>> change) {
        boolean notHeld = steps.stream()
                .filter(s -> s.type() == type)
                .noneMatch(s -> names(s.params().get("columns")).stream().anyMatch(named::contains));
        if (named.isEmpty()
                || !notHeld
                || namesTarget(steps, named)
                || !ADDS.matcher(text).find()) {
            return changeOn(steps, type, named, change);
        }
        List<PlanStep> changed = new ArrayList<>(replace(steps, type, change));
        for (int i = changed.size() - 1; i >= 0; i--) {
            PlanStep step = changed.get(i);
            List<String> held = names(step.params().get("columns"));
            if (step.type() == type && !held.isEmpty()) {
                List<String> columns = new ArrayList<>(held);
                named.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                params.put("columns", columns);
                changed.set(i, new PlanStep(type, params));
                break;
            }
        }
        return changed;
    }

    /**
     * A change of method said of some of a step's columns ("normalise Fare to 0-1 instead") applies to those
     * columns only: they get their own step, the others keep theirs. Said of no column of such a step, it
     * applies to every step of that action.
     */
    private static List<PlanStep> changeOn(
            List<PlanStep> steps,
            ActionType type,
            List<String> named,
            java.util.function.Consumer<Map<String, Object>> change) {
        Optional<PlanStep> first = steps.stream()
                .filter(s -> s.type() == type
                        && names(s.params().get("columns")).stream().anyMatch(named::contains))
                .findFirst();
        if (first.isEmpty() && !named.isEmpty() && !namesTarget(steps, named)) {
            // "actually use the mode for Embarked" on a median fill of Age: a column the plan's steps of that kind do
            // not hold gets a step of its own with the change; changing the others would be a quiet departure.
            Optional<PlanStep> like =
                    steps.stream().filter(s -> s.type() == type).reduce((a, b) -> b);
            if (like.isPresent()) {
                Map<String, Object> params = new LinkedHashMap<>(like.get().params());
                change.accept(params);
                params.put("columns", named);
                List<PlanStep> out = new ArrayList<>(steps);
                out.add(steps.indexOf(like.get()) + 1, new PlanStep(type, params));
                return out;
            }
        }
        if (first.isEmpty()) {
            return replace(steps, type, change);
        }
        Map<String, Object> params = new LinkedHashMap<>(first.get().params());
        change.accept(params);
        params.put(
                "columns",
                names(first.get().params().get("columns")).stream()
                        .filter(named::contains)
                        .toList());
        return merge(steps, List.of(new PlanStep(type, params)), false);
    }

    private static List<PlanStep> replace(
            List<PlanStep> steps, ActionType type, java.util.function.Consumer<Map<String, Object>> change) {
        List<PlanStep> out = new ArrayList<>();
        for (PlanStep step : steps) {
            if (step.type() == type) {
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                change.accept(params);
                out.add(new PlanStep(type, params));
            } else {
                out.add(step);
            }
        }
        return out;
    }

    /**
     * "not Age, Fare" (read as "Fare instead of Age"), "scale Fare instead of Age", "instead of poverty use urban": the
     * one column takes the other's place in the step that holds it (a model's inputs included), nothing else changes.
     * A column held by several steps, with no kind of step said, is asked about rather than swapped everywhere.
     */
    private static Optional<Revision> swapColumn(
            String wanted, List<String> olds, List<String> news, List<PlanStep> current) {
        if (olds.size() != 1 || news.size() != 1 || olds.equals(news)) {
            return Optional.empty();
        }
        String from = olds.getFirst();
        String to = news.getFirst();
        Optional<ActionType> kind = kindSaid(wanted);
        List<Integer> holding = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            PlanStep step = current.get(i);
            String key = step.type() == ActionType.TRAIN_MODEL ? "features" : "columns";
            if (names(step.params().get(key)).contains(from)
                    && kind.map(k -> k == step.type()).orElse(true)) {
                holding.add(i);
            }
        }
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        // "use Fare instead of Age" where Age is also the model's target: which of the two is meant is asked.
        boolean target = kind.map(k -> k == ActionType.TRAIN_MODEL).orElse(true)
                && current.stream()
                        .anyMatch(s -> s.type() == ActionType.TRAIN_MODEL
                                && from.equals(String.valueOf(s.params().get("target"))));
        if (holding.size() > 1 || target) {
            List<String> where = new ArrayList<>(
                    holding.stream().map(i -> current.get(i).type().wireName()).toList());
            if (target) {
                where.add("the model's target");
            }
            return Optional.of(new Revision(
                    current,
                    List.of(from + " is in " + where.size() + " places (" + String.join(", ", where)
                            + "); say which of them should take " + to + " instead. The plan is unchanged.")));
        }
        PlanStep step = current.get(holding.getFirst());
        String key = step.type() == ActionType.TRAIN_MODEL ? "features" : "columns";
        List<String> columns = new ArrayList<>();
        for (String column : names(step.params().get(key))) {
            String kept = column.equals(from) ? to : column;
            if (!columns.contains(kept)) {
                columns.add(kept);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(step.params());
        params.put(key, columns);
        List<PlanStep> out = new ArrayList<>(current);
        out.set(holding.getFirst(), new PlanStep(step.type(), params));
        return Optional.of(new Revision(out, List.of()));
    }

    /** "not Cabin", "keep urban": the columns leave every step that names them; a step left with none goes. */
    private Revision exclude(Set<String> columns, List<PlanStep> current, List<PlanStep> plan) {
        List<PlanStep> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean changed = false;
        // "not day" after "encode sex, smoker, day and time, then predict tip": a column a step names is taken out of
        // that step; a model that lists no inputs is left as it is (listing every other column by name would also
        // name columns the encoding replaces), and the answer says how to leave it out of the model too.
        boolean inAStep = current.stream()
                .filter(s -> s.type() != ActionType.TRAIN_MODEL)
                .anyMatch(s -> s.params().get("columns") instanceof List<?> named
                        && named.stream().map(String::valueOf).anyMatch(columns::contains));
        for (PlanStep step : current) {
            Map<String, Object> params = new LinkedHashMap<>(step.params());
            String key = step.type() == ActionType.TRAIN_MODEL ? "features" : "columns";
            if (inAStep
                    && step.type() == ActionType.TRAIN_MODEL
                    && !(params.get("features") instanceof List<?> features && !features.isEmpty())) {
                warnings.add("Took " + String.join(", ", columns) + " out of the step that named it; the model still"
                        + " learns from every other column. To leave it out of the model too, say \"don't use "
                        + String.join(", ", columns) + " as an input\".");
                out.add(step);
                continue;
            }
            if (step.type() == ActionType.TRAIN_MODEL && columns.contains(String.valueOf(params.get("target")))) {
                warnings.add(params.get("target") + " is the model's target; say what to predict instead.");
            }
            // A model with no features listed uses every other column: taking one out lists the rest.
            Object listed =
                    step.type() == ActionType.TRAIN_MODEL ? ModelInputs.of(step, plan, profile) : params.get(key);
            if (listed instanceof List<?> list) {
                List<String> names = list.stream().map(String::valueOf).toList();
                List<String> kept =
                        names.stream().filter(c -> !columns.contains(c)).toList();
                if (kept.size() != names.size()) {
                    changed = true;
                    if (kept.isEmpty()) {
                        continue;
                    }
                    params.put(key, kept);
                    out.add(new PlanStep(step.type(), params));
                    continue;
                }
            }
            out.add(step);
        }
        if (!changed) {
            warnings.add(String.join(", ", columns) + " is not named by any step of the plan; it is unchanged.");
        }
        return new Revision(out, warnings);
    }

    /**
     * "also add the pickup hour as a feature": a part of a date column (a date in the profile, or cast to one by the
     * plan) is a new column to derive, planned on its own and put before the model, not the date column itself.
     */
    private List<String> datesOf(Set<String> words, Set<String> columns, List<PlanStep> current) {
        if (words.stream().noneMatch(Vocabulary.DATE_PARTS::containsKey)) {
            return List.of();
        }
        return columns.stream()
                .filter(c -> profile.variables().containsKey(c)
                                && profile.variables().get(c).type() == dev.assay.model.dataset.VariableKind.DATETIME
                        || current.stream()
                                .anyMatch(s -> s.type() == ActionType.CAST
                                        && "datetime".equals(s.params().get("to"))
                                        && s.params().get("columns") instanceof List<?> cast
                                        && cast.contains(c)))
                .toList();
    }

    private static Revision addFeatures(Set<String> columns, PlanStep training, List<PlanStep> current) {
        Object features = training.params().get("features");
        if (!(features instanceof List<?> list) || list.isEmpty()) {
            return new Revision(
                    current,
                    List.of("The model already uses every other column, " + String.join(", ", columns)
                            + " included; the plan is unchanged."));
        }
        List<String> names = new ArrayList<>(list.stream().map(String::valueOf).toList());
        columns.stream()
                .filter(c -> !names.contains(c) && !c.equals(training.params().get("target")))
                .forEach(names::add);
        return new Revision(replace(current, ActionType.TRAIN_MODEL, p -> p.put("features", names)), List.of());
    }

    /**
     * The step of one kind narrowed to the columns kept: only when exactly one such step names the columns left out
     * and every column kept, so nothing the request did not name is touched.
     */
    private static Optional<Revision> narrow(
            ActionType type, Set<String> leftOut, Set<String> kept, List<PlanStep> current) {
        if (leftOut.isEmpty() || kept.isEmpty() || leftOut.stream().anyMatch(kept::contains)) {
            return Optional.empty();
        }
        List<Integer> holding = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).type() == type
                    && names(current.get(i).params().get("columns")).containsAll(leftOut)) {
                holding.add(i);
            }
        }
        if (holding.size() != 1) {
            return Optional.empty();
        }
        PlanStep step = current.get(holding.getFirst());
        List<String> columns = names(step.params().get("columns"));
        if (!columns.containsAll(kept)) {
            return Optional.empty();
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>(step.params());
        params.put("columns", columns.stream().filter(c -> !leftOut.contains(c)).toList());
        List<PlanStep> out = new ArrayList<>(current);
        out.set(holding.getFirst(), new PlanStep(type, params));
        return Optional.of(new Revision(out, List.of()));
    }

    /** New steps go before the model (trained on what they produce); a new model replaces the old one. */
    static List<PlanStep> append(List<PlanStep> current, List<PlanStep> added) {
        List<PlanStep> out = new ArrayList<>(
                current.stream().filter(s -> s.type() != ActionType.TRAIN_MODEL).toList());
        Optional<PlanStep> newModel =
                added.stream().filter(s -> s.type() == ActionType.TRAIN_MODEL).reduce((a, b) -> b);
        added.stream().filter(s -> s.type() != ActionType.TRAIN_MODEL).forEach(out::add);
        newModel.or(() -> current.stream()
                        .filter(s -> s.type() == ActionType.TRAIN_MODEL)
                        .findFirst())
                .ifPresent(out::add);
        return out;
    }
}
