package dev.assay.model.profile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words read as missing when a file is read: a cell equal to one of them (trimmed, any case) has no value. An
 * empty cell is always missing. The person may give their own list with the upload, on the command line or in
 * {@code DatasetJob.spec.missingMarkers}; an empty list reads every word as a value ("None" meaning no damage).
 *
 * @param words the words, as given (or the defaults)
 * @param given whether the person gave them; false for {@link #DEFAULT_WORDS}
 */
public record MissingMarkers(List<String> words, boolean given) {

    /** Read as missing unless the person says otherwise. */
    public static final List<String> DEFAULT_WORDS = List.of("NA", "N/A", "null", "NaN", "None", "-");
    /** At most this many words may be given. */
    public static final int MAX_WORDS = 32;
    /** A word may be at most this long. */
    public static final int MAX_LENGTH = 40;
    /** The name of the field in the upload form, the CLI's option stem and the DatasetJob spec. */
    public static final String FIELD = "missingMarkers";

    public MissingMarkers {
        words = words == null
                ? DEFAULT_WORDS
                : words.stream().map(String::strip).distinct().toList();
    }

    public static MissingMarkers defaults() {
        return new MissingMarkers(DEFAULT_WORDS, false);
    }

    /** The person's list; call {@link #problem} first. */
    public static MissingMarkers given(List<String> words) {
        return new MissingMarkers(words, true);
    }

    /** Why a given list cannot be used, naming the field, or empty when it can. */
    public static Optional<String> problem(List<String> words) {
        if (words.size() > MAX_WORDS) {
            return Optional.of(FIELD + " has " + words.size() + " words; at most " + MAX_WORDS + " are allowed");
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null || word.isBlank()) {
                return Optional.of(FIELD + "[" + i
                        + "] is blank; an empty cell is always read as missing, so list only " + "words");
            }
            if (word.strip().length() > MAX_LENGTH) {
                return Optional.of(FIELD + "[" + i + "] is " + word.strip().length() + " characters long; at most "
                        + MAX_LENGTH + " are allowed");
            }
            if (word.chars().anyMatch(Character::isISOControl)) {
                return Optional.of(FIELD + "[" + i + "] holds a control character (a line break or tab), which no "
                        + "cell can be equal to");
            }
        }
        return Optional.empty();
    }

    /** The words in lower case, as cells are compared. */
    public List<String> lowerCase() {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** For people: "'NA', '-' (given)" or "none: every word is a value (given)". */
    public String describe() {
        String list = words.isEmpty()
                ? "none: every word is a value"
                : String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
        return list + (given ? " (given)" : " (default)");
    }
}
