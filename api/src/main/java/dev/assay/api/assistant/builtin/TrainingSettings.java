package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.params.TrainModelParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a model is tested, said in words: "hold out 30 % for testing", "keep a quarter of the rows for the test",
 * "15 percent held out", "a 70/30 split" (test_size), "5-fold", "ten folds of cross-validation" (cv_folds). Read from
 * a whole clause, so a follow-up that also changes the model ("use a random forest and hold out 30 %") keeps both;
 * a setting said with a value the engine cannot take is named in the answer, never dropped quietly.
 */
record TrainingSettings(Map<String, Object> params, List<String> warnings, String rest) {

    private static final String SHARE =
            "(\\d{1,2}(?:\\.\\d+)?\\s*(?:%|percent|per cent|pct)|0?\\.\\d+|half|a half|a third|one third"
                    + "|a quarter|one quarter|a fifth|one fifth|a tenth|one tenth)";
    private static final String VERB =
            "(?:hold|holding|held|keep|keeping|set|setting|put|putting|reserve|reserving" + "|leave|leaving)";
    /**
     * A share said to be kept from training: "hold out 30 %", "set aside a quarter", "keep 20 % for testing", "15
     * percent held out", "test size 0.25".
     */
    private static final Pattern HOLD =
            Pattern.compile("\\b" + VERB + "\\s+(?:out|back|aside|apart)\\s+(?:only\\s+|just\\s+)?" + SHARE
                    + "|\\b(?:" + VERB + "|use|using|with)\\s+(?:only\\s+|just\\s+)?" + SHARE
                    + "(?=[^.;]*\\b(?:test|testing|tests|holdout|hold-out|validation|evaluation|aside|out|back|apart)\\b)"
                    + "|" + SHARE
                    + "\\s+(?:of\\s+(?:the\\s+)?(?:rows|data|records)\\s+)?(?:is\\s+|are\\s+)?(?:held out|held back|kept back"
                    + "|set aside|for (?:the\\s+)?(?:test|testing|holdout|validation|evaluation)|as (?:the\\s+)?(?:test|holdout|validation)"
                    + "|test|holdout|hold-out)"
                    + "|\\btest[ _](?:size|share|fraction|set|split|ratio)\\s*(?:of|=|:|to|at|is)?\\s*" + SHARE
                    + "|\\b(?:test|tested|testing|evaluate|evaluated|evaluating|evaluation|validate|validated|validating|validation)"
                    + "\\s+(?:it\\s+|them\\s+)?(?:on|with|using|against)\\s+(?:only\\s+|just\\s+)?" + SHARE);
    /** "a 70/30 split", "80-20 train/test": the smaller side is the test share. */
    private static final Pattern SPLIT = Pattern.compile("\\b(\\d{1,2})\\s*(?:/|-|:)\\s*(\\d{1,2})\\s+(?:split|train)");

    private static final Pattern FOLDS = Pattern.compile(
            "\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven"
                    + "|twelve|twenty)(?:-|\\s)?(?:(?:cv|cross[- ]?validation)(?:-|\\s)?)?(?:fold|folds|splits)\\b"
                    + "|\\b(?:cross[- ]?validat\\w*|cv)\\s+(?:with|using|on|of|over)?\\s*(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\\b");

    /** Folds said at all, with or without a count. */
    private static final Pattern FOLDS_SAID = Pattern.compile("\\b(?:folds?|k-fold)\\b");

    /** What is left of "for testing", "of cross-validation" once the setting itself is taken out. */
    private static final Pattern TAIL = Pattern.compile(
            "(?i)\\b(?:of\\s+(?:the\\s+)?(?:rows|data|records)\\s*)?(?:(?:for|as|in|of|with|using)\\s+)?"
                    + "(?:the\\s+|a\\s+)?(?:test|testing|tests|holdout|hold-out|validation|evaluation|cross[- ]?validation|cv)"
                    + "(?:\\s+(?:data|set|rows|split))?\\b");
    /** Words that carry no request of their own once a setting is taken out of a clause. */
    private static final java.util.Set<String> BARE = java.util.Set.of(
            "instead", "rather", "please", "use", "using", "with", "split", "model", "the", "rows", "data", "records",
            "of", "for", "and", "a", "an", "now", "also", "then", "just", "only", "to", "be", "it", "its", "let's",
            "lets", "do", "can", "you", "i", "want", "would", "like", "out");

    TrainingSettings {
        params = Map.copyOf(params);
        warnings = List.copyOf(warnings);
    }

    boolean isEmpty() {
        return params.isEmpty() && warnings.isEmpty();
    }

    /** Whether the clause said nothing but these settings ("hold out 40 % of the rows instead"). */
    boolean onlySettings() {
        return !isEmpty()
                && Words.tokens(rest).stream()
                        .allMatch(t -> BARE.contains(t.text()) || Vocabulary.FILLER.contains(t.text()));
    }

    static TrainingSettings read(String clause) {
        String said = NumberWords.inDigits(clause);
        String text = said.toLowerCase(Locale.ROOT);
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher hold = HOLD.matcher(text);
        Double share = null;
        String shareSaid = null;
        if (hold.find()) {
            spans.add(new int[] {hold.start(), hold.end()});
            for (int g = 1; g <= hold.groupCount() && share == null; g++) {
                if (hold.group(g) != null) {
                    shareSaid = hold.group(g);
                    share = share(shareSaid);
                }
            }
        } else {
            Matcher split = SPLIT.matcher(text);
            if (split.find()) {
                int a = Integer.parseInt(split.group(1));
                int b = Integer.parseInt(split.group(2));
                if (a + b == 100) {
                    spans.add(new int[] {split.start(), split.end()});
                    shareSaid = split.group();
                    share = Math.min(a, b) / 100.0;
                }
            }
        }
        if (share != null) {
            if (share < 0.1 || share > 0.5) {
                warnings.add("A test share of " + shareSaid.strip()
                        + " is outside what the model step takes (10 % to 50 % of the " + "rows); the default "
                        + Math.round(TrainModelParams.DEFAULT_TEST_SIZE * 100) + " % is kept.");
            } else {
                params.put("test_size", Math.round(share * 1000) / 1000.0);
            }
        }
        Matcher folds = FOLDS.matcher(text);
        if (folds.find()) {
            spans.add(new int[] {folds.start(), folds.end()});
            String n = folds.group(1) != null ? folds.group(1) : folds.group(2);
            int k = n.matches("\\d+") ? Integer.parseInt(n) : Words.NUMBERS.getOrDefault(n, 0);
            if (k < 2 || k > 10) {
                warnings.add(n + " cross-validation folds are outside what the model step takes (2 to 10); the default "
                        + TrainModelParams.DEFAULT_CV_FOLDS + " is kept.");
            } else {
                params.put("cv_folds", k);
            }
        } else if (FOLDS_SAID.matcher(text).find()) {
            // "with a handful of CV folds": folds asked for in words no count was read from are said, never dropped.
            warnings.add("I could not read how many cross-validation folds \"" + clause.strip()
                    + "\" asks for; the default " + TrainModelParams.DEFAULT_CV_FOLDS
                    + " is kept. Say e.g. \"with 5 folds\".");
        }
        if (spans.isEmpty()) {
            return new TrainingSettings(params, warnings, clause);
        }
        // The clause without the settings, in its own spelling (column names keep their case).
        String source = text.length() == said.length() ? said : text;
        StringBuilder rest = new StringBuilder(source);
        spans.sort((x, y) -> Integer.compare(y[0], x[0]));
        for (int[] span : spans) {
            rest.replace(span[0], span[1], " ");
        }
        String left = TAIL.matcher(rest)
                .replaceAll(" ")
                .replaceAll("\\s+", " ")
                .strip()
                // "keep 25 % aside for testing": the particle of a verb that was matched after its share.
                .replaceAll("(?i)(?:\\s*[,;:]\\s*|\\s+(?:and|with|using|then|aside|apart|back|out))+$", "")
                .strip();
        return new TrainingSettings(params, warnings, left);
    }

    private static Double share(String words) {
        String w = words.strip();
        return switch (w) {
            case "half", "a half" -> 0.5;
            case "a third", "one third" -> 1.0 / 3;
            case "a quarter", "one quarter" -> 0.25;
            case "a fifth", "one fifth" -> 0.2;
            case "a tenth", "one tenth" -> 0.1;
            default -> {
                String digits = w.replaceAll("\\s*(?:%|percent|per cent|pct)$", "");
                double v = Double.parseDouble(digits);
                yield digits.equals(w) && v < 1 ? v : v / 100;
            }
        };
    }

    /** The model step's parameters with these settings put in. */
    Map<String, Object> applyTo(Map<String, Object> step) {
        Map<String, Object> out = new LinkedHashMap<>(step);
        out.putAll(params);
        return out;
    }
}
