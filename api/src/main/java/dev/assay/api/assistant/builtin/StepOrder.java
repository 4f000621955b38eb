package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steps said out of their order: "train a random forest on Survived after filling Age and dropping Cabin", "predict
 * mpg once horsepower has been filled", "fill Age before you train …", "before encoding Embarked, fill it with the
 * mode". Each is said again in the order it is to run ("fill Age and drop Cabin, then train …"); read as it stood,
 * the step after "after" or "once" was lost in silence, or the model took the filled column for its target.
 */
final class StepOrder {

    /** The verbs of a step, as "after …ing" and "once … has been …ed" say them. */
    private static final List<String> VERBS = List.of(
            "fill",
            "impute",
            "drop",
            "remove",
            "delete",
            "discard",
            "exclude",
            "encode",
            "scale",
            "rescale",
            "standardise",
            "standardize",
            "normalise",
            "normalize",
            "clip",
            "cap",
            "convert",
            "cast",
            "rename",
            "dedupe",
            "deduplicate",
            "train",
            "fit",
            "predict",
            "add",
            "create",
            "compute",
            "bin",
            "replace",
            "log-transform",
            "winsorise",
            "winsorize",
            "build",
            "classify");

    private static final String GERUND = "(?:[\\p{L}-]+ing)";

    /** "after filling Age, train …", "before encoding Embarked, fill it": the step said first, as a gerund. */
    private static final Pattern FRONTED = Pattern.compile("(?i)^(\\s*)(after|before)\\s+(?:(?:you|we|i)\\s+)?("
            + GERUND + "\\b[^,]*?|[\\p{L}-]+\\s[^,]*?)\\s*,\\s*(?:then\\s+|please\\s+)?(.+)$");

    /** "… after filling Age and dropping Cabin": the step that runs first said last. */
    private static final Pattern AFTER =
            Pattern.compile("(?i)^(.+?),?\\s+after\\s+(?:first\\s+)?(" + GERUND + "\\b.+)$");

    /** "… once horsepower has been filled with the median". */
    private static final Pattern ONCE = Pattern.compile(
            "(?i)^(.+?),?\\s+once\\s+(.+?)\\s+(?:has|have|is|are)\\s+(?:been\\s+)?([\\p{L}-]+ed)\\b(.*)$");

    /** "once the horsepower gaps are filled with the mean, regress mpg on …": the same, said first. */
    private static final Pattern ONCE_FRONTED = Pattern.compile(
            "(?i)^(\\s*)once\\s+(.+?)\\s+(?:has|have|is|are)\\s+(?:been\\s+)?([\\p{L}-]+ed)\\b([^,]*),\\s*(?:then\\s+)?(.+)$");

    /** "fill Age before you train …", "fill Age before training": the order as said; the later step made a clause. */
    private static final Pattern BEFORE = Pattern.compile(
            "(?i)^(.+?),?\\s+before\\s+(?:(?:you|we|i|they)\\s+)?((?:" + GERUND + "|[\\p{L}-]+)\\b.+)$");

    private static final Pattern SENTENCE = Pattern.compile("[^.;!?]+[.;!?]*");

    private StepOrder() {}

    static String read(String text) {
        StringBuilder out = new StringBuilder();
        Matcher sentence = SENTENCE.matcher(text);
        int last = 0;
        while (sentence.find()) {
            out.append(text, last, sentence.start());
            String said = sentence.group();
            String end = said.replaceFirst("^.*?([.;!?]*)$", "$1");
            String body = said.substring(0, said.length() - end.length());
            out.append(reorder(body)).append(end);
            last = sentence.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private static String reorder(String body) {
        Matcher fronted = FRONTED.matcher(body);
        // "Before training, fill …": a step said with no object only places the other one; it asks for nothing itself.
        if (fronted.matches()
                && saysSteps(fronted.group(3))
                && fronted.group(3).strip().contains(" ")) {
            String first = imperative(fronted.group(3));
            String rest = fronted.group(4);
            if (fronted.group(2).equalsIgnoreCase("after")) {
                return fronted.group(1) + first + ", then " + rest;
            }
            // "before encoding Embarked, fill it": "it" is what the later step names.
            String object = first.replaceFirst("^\\S+\\s+", "");
            return fronted.group(1) + rest.replaceFirst("(?i)\\b(?:it|them)\\b", Matcher.quoteReplacement(object))
                    + ", then " + first;
        }
        Matcher onceFirst = ONCE_FRONTED.matcher(body);
        if (onceFirst.matches()) {
            Optional<String> verb = verb(onceFirst.group(3), "ed").or(() -> verb(onceFirst.group(3), "d"));
            if (verb.isPresent()) {
                return onceFirst.group(1) + verb.get() + " " + onceFirst.group(2) + onceFirst.group(4) + ", then "
                        + onceFirst.group(5);
            }
        }
        Matcher after = AFTER.matcher(body);
        if (after.matches() && saysSteps(after.group(2))) {
            return imperative(after.group(2)) + ", then " + after.group(1);
        }
        Matcher once = ONCE.matcher(body);
        if (once.matches()) {
            Optional<String> verb = verb(once.group(3), "ed").or(() -> verb(once.group(3), "d"));
            if (verb.isPresent()) {
                return verb.get() + " " + once.group(2) + once.group(4) + ", then " + once.group(1);
            }
        }
        Matcher before = BEFORE.matcher(body);
        if (before.matches()) {
            String later = before.group(2);
            String word = later.split("\\s+")[0];
            Optional<String> verb = verb(word, "ing")
                    .or(() -> VERBS.contains(word.toLowerCase(Locale.ROOT)) ? Optional.of(word) : Optional.empty());
            if (verb.isPresent()) {
                return before.group(1) + ", then " + imperative(later);
            }
        }
        return body;
    }

    /** Whether the words begin with a step's verb, as a gerund ("filling", "dropping") or as it is ("impute"). */
    private static boolean saysSteps(String words) {
        String first = words.strip().split("\\s+")[0];
        return verb(first, "ing").isPresent() || VERBS.contains(first.toLowerCase(Locale.ROOT));
    }

    /** Every gerund of a step's verb said as that verb: "filling Age and dropping Cabin" → "fill Age and drop Cabin". */
    private static String imperative(String words) {
        return Pattern.compile("(?i)\\b" + GERUND + "\\b")
                .matcher(words)
                .replaceAll(m -> Matcher.quoteReplacement(verb(m.group(), "ing").orElse(m.group())));
    }

    /** The verb of a gerund or participle: "dropping" → drop, "encoding" → encode, "filled" → fill. */
    private static Optional<String> verb(String word, String ending) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(ending) || lower.length() <= ending.length() + 1) {
            return Optional.empty();
        }
        String stem = lower.substring(0, lower.length() - ending.length());
        List<String> candidates = List.of(
                stem,
                stem + "e",
                stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
                        ? stem.substring(0, stem.length() - 1)
                        : stem);
        return candidates.stream().filter(VERBS::contains).findFirst();
    }
}
