package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens of a request: lower case, punctuation dropped except inside numbers and names, with positions. */
final class Words {

    /** A token and where it sits in the request (index into the token list). */
    record Token(String text, String original, int index) {}

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_'.\\-]*");

    /** Numbers in words ("four bins", "a dozen"); "one" is left out: it is mostly "one-hot" or "one column". */
    static final java.util.Map<String, Integer> NUMBERS = java.util.Map.ofEntries(
            java.util.Map.entry("two", 2),
            java.util.Map.entry("three", 3),
            java.util.Map.entry("four", 4),
            java.util.Map.entry("five", 5),
            java.util.Map.entry("six", 6),
            java.util.Map.entry("seven", 7),
            java.util.Map.entry("eight", 8),
            java.util.Map.entry("nine", 9),
            java.util.Map.entry("ten", 10),
            java.util.Map.entry("eleven", 11),
            java.util.Map.entry("twelve", 12),
            java.util.Map.entry("dozen", 12),
            java.util.Map.entry("fifteen", 15),
            java.util.Map.entry("twenty", 20),
            java.util.Map.entry("quartiles", 4),
            java.util.Map.entry("quintiles", 5),
            java.util.Map.entry("deciles", 10),
            java.util.Map.entry("tertiles", 3));

    private Words() {}

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String original = trimTrailing(matcher.group());
            if (original.isEmpty()) {
                continue;
            }
            tokens.add(new Token(original.toLowerCase(Locale.ROOT), original, tokens.size()));
        }
        return tokens;
    }

    private static String trimTrailing(String token) {
        int end = token.length();
        while (end > 0 && ".-'".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        String trimmed = token.substring(0, end);
        return trimmed.endsWith("'s") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
    }

    /** A light stemmer: enough for survival/survived/survive and ages/age to meet. */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {
            "ational", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ives", "ive", "ally", "al", "ed",
            "es", "ly", "s", "e"
        }) {
            if (w.length() - suffix.length() >= 3 && w.endsWith(suffix)) {
                // "sepals" is "sepal" stemmed again, so a plural and its singular ("sepal" → "sep") meet.
                return suffix.equals("s") && !w.endsWith("ss")
                        ? stem(w.substring(0, w.length() - 1))
                        : w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    /**
     * A name as words: camelCase, snake_case and any punctuation split, so PassengerId is "passenger id",
     * bill_length_mm "bill length mm" and ../../etc/passwd "etc passwd".
     */
    static String spaced(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^\\p{L}\\p{N}]+", " ");
        return spaced.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** "lengths", "heights", "phenols" but not "radius", "class", "gas", "analysis". */
    static boolean isPlural(String word) {
        return word.length() > 3
                && word.endsWith("s")
                && !word.endsWith("ss")
                && !word.endsWith("us")
                && !word.endsWith("is")
                && !word.endsWith("as");
    }

    static String snake(String text) {
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** "random-forest", "gradient-boosted": a hyphen between two words read as a space. */
    static String unhyphenated(String text) {
        return text.replaceAll("(?<=\\p{L})-(?=\\p{L})", " ");
    }
}
