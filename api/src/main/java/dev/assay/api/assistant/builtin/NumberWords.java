package dev.assay.api.assistant.builtin;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written as words where a parameter is being said: "an IQR factor of three", "the fifth and ninety-fifth
 * percentiles", "thirty percent held out". They are rewritten as digits only where the words around them say they
 * are a parameter (a percentage, a factor, a percentile), so "one-hot", "the first column" or "three columns" stay as
 * they are and go on being read as words.
 */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety",
            90);
    private static final Map<String, Integer> ORDINAL_UNITS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10),
            Map.entry("eleventh", 11),
            Map.entry("twelfth", 12),
            Map.entry("fifteenth", 15),
            Map.entry("twentieth", 20),
            Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40),
            Map.entry("fiftieth", 50),
            Map.entry("sixtieth", 60),
            Map.entry("seventieth", 70),
            Map.entry("eightieth", 80),
            Map.entry("ninetieth", 90));

    private static final String TEN = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    private static final String UNIT =
            "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                    + "|seventeen|eighteen|nineteen)";
    private static final String CARDINAL = "(" + TEN + "(?:[- ]" + UNIT + ")?|" + UNIT + ")";
    private static final String ORDINAL = "(" + TEN + "[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
            + "|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|fifteenth"
            + "|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)";

    /** "thirty percent", "five %": a share. */
    private static final Pattern PERCENT =
            Pattern.compile("(?i)\\b" + CARDINAL + "(?=\\s*(?:%|percent\\b|per\\s+cent\\b|pct\\b))");
    /** "a factor of three", "fence of two", "multiplier = three". */
    private static final Pattern FACTOR =
            Pattern.compile("(?i)(\\b(?:factor|fence|multiplier)\\s*(?:of|=|:|at|to)?\\s+)" + CARDINAL
                    + "\\b(?!\\s*(?:columns?|features?))");
    /** "three times the IQR", "two IQRs". */
    private static final Pattern TIMES = Pattern.compile(
            "(?i)\\b" + CARDINAL + "(?=\\s*(?:×|x|\\*|times)?\\s*(?:the\\s+)?(?:iqrs?\\b|interquartile))");
    /** "the fifth and ninety-fifth percentiles": ordinals only where the clause speaks of percentiles. */
    private static final Pattern ORDINALS = Pattern.compile("(?i)\\b" + ORDINAL + "\\b");

    private static final Pattern PERCENTILES = Pattern.compile("(?i)\\b(?:percentiles?|quantiles?)\\b");

    private NumberWords() {}

    static String inDigits(String text) {
        String out = replace(PERCENT, text, 1, "");
        out = replace(FACTOR, out, 2, "");
        out = replace(TIMES, out, 1, "");
        if (PERCENTILES.matcher(out).find()) {
            Matcher m = ORDINALS.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(ordinal(m.group(1)) + "th"));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    private static String replace(Pattern pattern, String text, int group, String suffix) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String whole = m.group();
            int from = m.start(group) - m.start();
            int to = m.end(group) - m.start();
            String digits = String.valueOf(cardinal(m.group(group)));
            m.appendReplacement(
                    sb, Matcher.quoteReplacement(whole.substring(0, from) + digits + suffix + whole.substring(to)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int cardinal(String words) {
        int total = 0;
        for (String part : words.toLowerCase(Locale.ROOT).split("[- ]")) {
            total += TENS.getOrDefault(part, UNITS.getOrDefault(part, 0));
        }
        return total;
    }

    private static int ordinal(String words) {
        int total = 0;
        for (String part : words.toLowerCase(Locale.ROOT).split("[- ]")) {
            total += TENS.getOrDefault(part, ORDINAL_UNITS.getOrDefault(part, 0));
        }
        return total;
    }

    /**
     * The value of one number or ordinal word below twenty ("three", "third"), for callers whose own patterns admit
     * only such words (a follow-up's "remove step three", "the third step").
     */
    static int wordValue(String word) {
        Integer value = UNITS.getOrDefault(word, ORDINAL_UNITS.get(word));
        if (value == null) {
            throw new IllegalArgumentException("not a number word below twenty: " + word);
        }
        return value;
    }
}
