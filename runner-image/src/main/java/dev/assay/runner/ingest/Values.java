package dev.assay.runner.ingest;

import java.util.Locale;
import java.util.Set;

/** The rules for reading one cell: what counts as missing, as a number, as a boolean. */
final class Values {

    /** Compared case-insensitively after trimming: the blank cell and the default marker words. */
    static final Set<String> MISSING_MARKERS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(""),
                    dev.assay.model.profile.MissingMarkers.DEFAULT_WORDS.stream()
                            .map(w -> w.toLowerCase(Locale.ROOT)))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "f");
    private static final boolean[] BOOLEAN_START =
            startingCharacters(java.util.stream.Stream.concat(TRUE_WORDS.stream(), FALSE_WORDS.stream())
                    .toList());

    private Values() {}

    /** Missing with the default markers; a read with markers of its own asks its {@link Markers}. */
    static boolean isMissing(String raw) {
        return Markers.DEFAULT.isMissing(raw);
    }

    /**
     * Whether a trimmed value is written like an integer: optional sign, digits, and no leading zero unless it
     * is 0 itself, so that codes like 007 stay text.
     */
    static boolean looksIntegral(String value) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        int length = value.length() - start;
        if (length == 0 || length > 19) {
            return false;
        }
        if (length > 1 && value.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An optional sign and ASCII digits only. */
    static boolean isPlainDigits(String value) {
        int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        if (value.length() == start) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a value is an integer that fits a long, Long.MIN_VALUE excepted (Tablesaw's missing marker for longs). */
    static boolean parsesAsLong(String value) {
        if (!looksIntegral(value)) {
            return false;
        }
        try {
            return Long.parseLong(value) != Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether a trimmed value is a decimal number: digits with an optional point and exponent, or infinity.
     * Hex, Java suffixes (1f, 2d) and codes with leading zeros (0123) are not numbers here.
     */
    static boolean looksDecimal(String value) {
        if (isInfinity(value)) {
            return true;
        }
        int i = 0;
        int n = value.length();
        if (n == 0) {
            return false;
        }
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            i++;
        }
        int digitsBefore = 0;
        int firstDigit = i;
        while (i < n && Character.isDigit(value.charAt(i)) && value.charAt(i) < 128) {
            i++;
            digitsBefore++;
        }
        if (digitsBefore > 1 && value.charAt(firstDigit) == '0') {
            return false;
        }
        int digitsAfter = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                i++;
                digitsAfter++;
            }
        }
        if (digitsBefore + digitsAfter == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Whether a trimmed value counts as a number in a decimal column, as {@link ColumnGuess} counts it: an integer
     * that fits a long, or a decimal that is not digits alone (digits that no long holds stay text).
     */
    static boolean isNumber(String value) {
        return isPlainDigits(value) ? parsesAsLong(value) : looksDecimal(value);
    }

    static double parseDecimal(String value) {
        if (isInfinity(value)) {
            return value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double fast = plainDecimal(value);
        return Double.isNaN(fast) ? Double.parseDouble(value) : fast;
    }

    /** Exact powers of ten as doubles: 10^0 to 10^22 are all representable. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * A decimal written plainly ("-12.345": sign, at most 15 digits, one point, no exponent) parsed without
     * {@link Double#parseDouble}'s general algorithm, or NaN for anything else. The digits make an integer m below
     * 2^53 and the point a power of ten p at most 10^22, both exact as doubles, so m / p is the correctly rounded
     * value: the same double {@code Double.parseDouble} gives.
     */
    static double plainDecimal(String value) {
        int n = value.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
            negative = value.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (++digits > 15) {
                    return Double.NaN;
                }
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        return negative ? -magnitude : magnitude;
    }

    static boolean isInfinity(String value) {
        if (value.length() < 3
                || Character.toLowerCase(value.charAt(value.length() - 1)) != 'f'
                        && Character.toLowerCase(value.charAt(value.length() - 1)) != 'y') {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        return v.equals("inf") || v.equals("infinity");
    }

    static boolean isBoolean(String value) {
        if (value.isEmpty()
                || value.length() > 5
                || value.charAt(0) >= BOOLEAN_START.length
                || !BOOLEAN_START[value.charAt(0)]) {
            return false;
        }
        return (TRUE_WORDS.contains(value.toLowerCase(Locale.ROOT))
                || FALSE_WORDS.contains(value.toLowerCase(Locale.ROOT)));
    }

    static boolean parseBoolean(String value) {
        return TRUE_WORDS.contains(value.toLowerCase(Locale.ROOT));
    }

    private static boolean[] startingCharacters(java.util.Collection<String> words) {
        boolean[] starts = new boolean[128];
        for (String word : words) {
            if (!word.isEmpty()) {
                starts[Character.toLowerCase(word.charAt(0))] = true;
                starts[Character.toUpperCase(word.charAt(0))] = true;
            }
        }
        return starts;
    }
}
