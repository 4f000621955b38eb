package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the dataset's columns in the words of a request, forgiving case, spaces and underscores, camelCase,
 * plurals and other endings (survival → Survived), and small misspellings (ticekt → Ticket).
 */
final class ColumnMatcher {

    /** A column found at tokens [start, end). */
    record Mention(String column, int start, int end) {
    }

    /** Words that are never a column, whatever the dataset: they carry the request's grammar. */
    private static final Set<String> GRAMMAR = Set.of("a", "an", "the", "and", "or", "to", "of", "in", "on", "for",
            "with", "by", "per", "plus", "minus", "times", "from", "as", "into", "it", "is", "are", "be", "all",
            "column", "columns", "row", "rows", "value", "values", "missing", "data", "then");

    private static final int MAX_WORDS = 4;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final List<String> columns;

    ColumnMatcher(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    List<String> columns() {
        return columns;
    }

    /** Mentions in token order; longer phrases win over their parts ("pickup zone" over "pickup"). */
    List<Mention> find(List<Words.Token> tokens) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Mention found = null;
            for (int n = Math.min(MAX_WORDS, tokens.size() - i); n >= 1 && found == null; n--) {
                List<Words.Token> phrase = tokens.subList(i, i + n);
                if (n == 1 && GRAMMAR.contains(phrase.getFirst().text())) {
                    continue;
                }
                String column = match(phrase);
                if (column != null) {
                    found = new Mention(column, i, i + n);
                }
            }
            if (found != null) {
                mentions.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return mentions;
    }

    /** The column this phrase names, or null. Exact forms first, then stems, then close spellings. */
    String match(List<Words.Token> phrase) {
        String spaced = String.join(" ", phrase.stream().map(Words.Token::text).toList());
        String joined = spaced.replaceAll("[^\\p{L}\\p{N}]+", "");
        String originalJoined = String.join("", phrase.stream().map(Words.Token::original).toList());
        for (String column : columns) {
            if (column.equals(originalJoined) || column.equalsIgnoreCase(spaced)
                    || joinedForm(column).equals(joined) || Words.spaced(column).equals(spaced)) {
                return column;
            }
        }
        String stemmed = stems(spaced);
        for (String column : columns) {
            if (stems(Words.spaced(column)).equals(stemmed)) {
                return column;
            }
        }
        if (joined.length() >= 5) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String column : columns) {
                String form = joinedForm(column);
                int allowed = form.length() >= 8 ? 2 : 1;
                if (form.length() < 5 || partOfKey(column, joined)) {
                    continue;
                }
                int distance = DISTANCE.apply(form, joined);
                if (distance <= allowed && distance < bestDistance) {
                    best = column;
                    bestDistance = distance;
                }
            }
            return best;
        }
        return null;
    }

    /**
     * "passenger" is part of PassengerId, not a misspelling of it: a phrase that leaves out only the key word of
     * a name (id, key, code, number) names something else. Units are different: "body mass" is body_mass_g.
     */
    private static boolean partOfKey(String column, String joined) {
        String form = joinedForm(column);
        String base = joined.endsWith("s") && !form.startsWith(joined) ? joined.substring(0, joined.length() - 1) : joined;
        if (!form.startsWith(base) || form.length() == base.length()) {
            return false;
        }
        String rest = form.substring(base.length());
        return Set.of("id", "key", "code", "no", "num", "number", "index", "name").contains(rest);
    }

    private static String joinedForm(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String stems(String spaced) {
        return String.join(" ", java.util.Arrays.stream(spaced.split(" ")).map(Words::stem).toList());
    }
}
