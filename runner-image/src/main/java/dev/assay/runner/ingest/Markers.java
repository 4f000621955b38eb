package dev.assay.runner.ingest;

import dev.assay.model.profile.MissingMarkers;
import java.util.List;

/**
 * The missing-marker words of one read, prepared for the cell-by-cell check: a cell is missing when it is blank or
 * equal (trimmed, any case) to one of the words. Called for every cell, so most cells are rejected by their length
 * or first character without a comparison.
 */
final class Markers {

    static final Markers DEFAULT = new Markers(MissingMarkers.defaults());

    private final MissingMarkers given;
    private final String[] words;
    private final int longest;
    /** The characters a word can start with, in either case. */
    private final boolean[] starts = new boolean[128];
    /** A word starting with a character beyond ASCII: the table above cannot rule a cell out. */
    private boolean otherStarts;

    Markers(MissingMarkers markers) {
        this.given = markers;
        List<String> lower = markers.lowerCase();
        words = lower.toArray(String[]::new);
        longest = lower.stream().mapToInt(String::length).max().orElse(0);
        for (String word : lower) {
            char first = word.charAt(0);
            if (first < 128) {
                starts[Character.toLowerCase(first)] = true;
                starts[Character.toUpperCase(first)] = true;
            } else {
                otherStarts = true;
            }
        }
    }

    /** What the person gave, or the defaults, for the report. */
    MissingMarkers markers() {
        return given;
    }

    boolean isMissing(String raw) {
        if (raw == null) {
            return true;
        }
        int n = raw.length();
        if (n == 0) {
            return true;
        }
        if (n > longest && !Character.isWhitespace(raw.charAt(0)) && !Character.isWhitespace(raw.charAt(n - 1))) {
            return false;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if (first < 128 ? !starts[first] : !otherStarts) {
            return false;
        }
        for (String word : words) {
            if (value.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }
}
