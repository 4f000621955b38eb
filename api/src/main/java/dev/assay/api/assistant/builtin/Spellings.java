package dev.assay.api.assistant.builtin;

import java.util.List;

/**
 * How close a word a person typed is to a column's name when it is no form of it: a slip of one or two letters
 * ("wieght", "acceleraton", a swapped pair counting as one slip), or another word of the same family ("urbanisation"
 * for urban, "smoking" for smoker, "violence" for violent). Only the matcher's last resort: a name found otherwise
 * always wins, and the planner says which column it read.
 */
final class Spellings {

    /** Endings that make other words of a family: nouns of state and action, agents, adjectives. */
    private static final List<String> DERIVED = List.of(
            "isations",
            "izations",
            "isation",
            "ization",
            "ations",
            "ation",
            "itions",
            "ition",
            "nesses",
            "ness",
            "ities",
            "ity",
            "ism",
            "ings",
            "ing",
            "ers",
            "er",
            "ence",
            "ance",
            "ents",
            "ent",
            "ants",
            "ant",
            "ical",
            "ic",
            "ous",
            "ive",
            "ally",
            "al",
            "ly",
            "ed",
            "es",
            "s",
            "e",
            "y");

    private static final int MIN_ROOT = 4;

    private Spellings() {}

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring letters
     * each count one, so "smoekr" is one slip from smoker.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The slips allowed for a name of this length: one, two from eight letters on. */
    static int allowed(String form) {
        return form.length() >= 8 ? 2 : 1;
    }

    /** A word's root once family endings are taken off (at most two, never below four letters). */
    static String root(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (int round = 0; round < 2; round++) {
            String before = w;
            for (String ending : DERIVED) {
                if (w.endsWith(ending) && w.length() - ending.length() >= MIN_ROOT) {
                    w = w.substring(0, w.length() - ending.length());
                    break;
                }
            }
            if (w.equals(before)) {
                break;
            }
        }
        // "urbanis(ation)" and "urban", "violen(ce)" and "violen(t)" meet on a common root.
        return w.replaceAll("(?:is|iz)$", "");
    }

    /** Whether two words are of one family: the same root of at least four letters. */
    static boolean sameFamily(String word, String name) {
        if (word.equals(name) || !word.matches("\\p{L}+") || !name.matches("\\p{L}+")) {
            return false;
        }
        String a = root(word);
        String b = root(name);
        return a.length() >= MIN_ROOT && a.equals(b);
    }
}
