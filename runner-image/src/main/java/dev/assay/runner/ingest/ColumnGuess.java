package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.profile.StrayValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading learns about one column's values, and the type it settles on. The type is the
 * narrowest that every present value fits; a column that almost fits a type is kept as text and its
 * misfits are reported as stray values, so nothing is silently turned into missing.
 */
final class ColumnGuess {

    /** A column this close to numeric (or date) is reported as having stray values rather than being text. */
    static final double STRAY_SHARE = 0.9;
    /** After this many present values with no date among them, stop trying date layouts (they are costly). */
    private static final int DATE_GIVE_UP = 200;

    private static final int EXAMPLES = 10;

    private long present;
    private long integral;
    private long decimal;
    private long booleans;
    private boolean fitsInt = true;
    private final long[] layoutHits = new long[DateFormats.LAYOUTS.size()];
    private boolean tryDates = true;
    private long dateTried;
    /** Whether some layout has read a value: the same as bestLayout() >= 0, without a scan of the layouts per value. */
    private boolean anyDate;

    private final List<String> nonNumeric = new ArrayList<>();
    private long nonNumericCount;
    private final List<String> nonDate = new ArrayList<>();

    private static final int MAX_WORDS = 8;
    private final java.util.Map<String, Long> missingWords = new java.util.TreeMap<>();
    private final Markers markers;

    ColumnGuess() {
        this(Markers.DEFAULT);
    }

    /** A guess that reads {@code markers} as missing. */
    ColumnGuess(Markers markers) {
        this.markers = markers;
    }

    Markers markers() {
        return markers;
    }

    /** Present (not missing) values seen so far. */
    long present() {
        return present;
    }

    void add(String raw) {
        if (markers.isMissing(raw)) {
            String word = raw == null ? "" : raw.strip();
            // Marker words ("None", "NA", "-"), not blanks: a person may have meant one as a value.
            if (!word.isEmpty() && (missingWords.size() < MAX_WORDS || missingWords.containsKey(word))) {
                missingWords.merge(word, 1L, Long::sum);
            }
            return;
        }
        String value = raw.strip();
        present++;
        boolean numeric = false;
        if (Values.parsesAsLong(value)) {
            integral++;
            numeric = true;
            long parsed = Long.parseLong(value);
            if (parsed <= Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
                // Integer.MIN_VALUE is Tablesaw's missing marker for int columns: keep such columns as longs.
                fitsInt = false;
            }
        } else if (Values.looksDecimal(value) && !Values.isPlainDigits(value)) {
            // Digits alone that do not fit a long (a 20-digit account number) would lose digits as a double: text.
            decimal++;
            numeric = true;
        } else {
            nonNumericCount++;
            remember(nonNumeric, value);
        }
        if (Values.isBoolean(value)) {
            booleans++;
        }
        if (tryDates && !numeric) {
            addDateCandidate(value);
        }
    }

    /**
     * Tries the layouts that have read every value so far; once none has, only the one that read most (for
     * reporting stray values). So a date column costs one parse per value, not one per layout.
     */
    private void addDateCandidate(String value) {
        dateTried++;
        boolean any = false;
        if (DateFormats.mightBeDate(value)) {
            boolean anyAlive = false;
            for (int i = 0; i < layoutHits.length; i++) {
                if (layoutHits[i] == dateTried - 1) {
                    anyAlive = true;
                    if (DateFormats.LAYOUTS.get(i).parses(value)) {
                        layoutHits[i]++;
                        any = true;
                    }
                }
            }
            if (!anyAlive) {
                int best = bestLayout();
                if (best >= 0 && DateFormats.LAYOUTS.get(best).parses(value)) {
                    layoutHits[best]++;
                    any = true;
                }
            }
        }
        if (!any) {
            remember(nonDate, value);
        }
        anyDate |= any;
        if (dateTried >= DATE_GIVE_UP && !anyDate) {
            tryDates = false;
        }
    }

    private static void remember(List<String> examples, String value) {
        if (examples.size() < EXAMPLES && !examples.contains(value)) {
            examples.add(value);
        }
    }

    /**
     * The settled type, with the date layout when it is a date column.
     *
     * @param missingWords text columns only: marker words read as missing ("None", "NA"...), as written, with counts
     */
    record Decision(
            ColumnType type,
            boolean wideIntegers,
            Optional<DateFormats.Layout> layout,
            Optional<StrayValues> stray,
            Optional<String> warning,
            java.util.Map<String, Long> missingWords) {

        Decision(
                ColumnType type,
                boolean wideIntegers,
                Optional<DateFormats.Layout> layout,
                Optional<StrayValues> stray,
                Optional<String> warning) {
            this(type, wideIntegers, layout, stray, warning, java.util.Map.of());
        }
    }

    Decision decide() {
        Decision decision = decideType();
        return decision.type() == ColumnType.STRING && !missingWords.isEmpty()
                ? new Decision(
                        decision.type(),
                        decision.wideIntegers(),
                        decision.layout(),
                        decision.stray(),
                        decision.warning(),
                        java.util.Map.copyOf(missingWords))
                : decision;
    }

    private Decision decideType() {
        if (present == 0) {
            return new Decision(ColumnType.STRING, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (integral == present) {
            return new Decision(ColumnType.INTEGER, !fitsInt, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (integral + decimal == present) {
            return new Decision(ColumnType.DECIMAL, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (booleans == present) {
            return new Decision(ColumnType.BOOLEAN, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<DateFormats.Layout> complete = completeLayout();
        if (complete.isPresent()) {
            Optional<String> warning = ambiguousDayMonth(complete.get())
                    ? Optional.of("day and month order is ambiguous; read as "
                            + complete.get().name())
                    : Optional.empty();
            return new Decision(
                    complete.get().withTime() ? ColumnType.DATETIME : ColumnType.DATE,
                    false,
                    complete,
                    Optional.empty(),
                    warning);
        }
        long numeric = integral + decimal;
        if (numeric >= STRAY_SHARE * present) {
            ColumnType dominant = decimal == 0 ? ColumnType.INTEGER : ColumnType.DECIMAL;
            return new Decision(
                    ColumnType.STRING,
                    false,
                    Optional.empty(),
                    Optional.of(new StrayValues(dominant, nonNumericCount, nonNumeric)),
                    Optional.empty());
        }
        int best = bestLayout();
        if (best >= 0 && layoutHits[best] >= STRAY_SHARE * present) {
            DateFormats.Layout layout = DateFormats.LAYOUTS.get(best);
            return new Decision(
                    ColumnType.STRING,
                    false,
                    Optional.empty(),
                    Optional.of(new StrayValues(
                            layout.withTime() ? ColumnType.DATETIME : ColumnType.DATE,
                            present - layoutHits[best],
                            nonDate)),
                    Optional.empty());
        }
        return new Decision(ColumnType.STRING, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Optional<DateFormats.Layout> completeLayout() {
        for (int i = 0; i < layoutHits.length; i++) {
            if (layoutHits[i] == present) {
                return Optional.of(DateFormats.LAYOUTS.get(i));
            }
        }
        return Optional.empty();
    }

    /** Both MM/dd and dd/MM (or MM-dd and dd-MM) read every value: the column never had a day above 12. */
    private boolean ambiguousDayMonth(DateFormats.Layout chosen) {
        if (!chosen.name().startsWith("MM/dd") && !chosen.name().startsWith("MM-dd")) {
            return false;
        }
        String twin = chosen.name().replace("MM/dd", "dd/MM").replace("MM-dd", "dd-MM");
        for (int i = 0; i < layoutHits.length; i++) {
            if (DateFormats.LAYOUTS.get(i).name().equals(twin) && layoutHits[i] == present) {
                return true;
            }
        }
        return false;
    }

    private int bestLayout() {
        int best = -1;
        for (int i = 0; i < layoutHits.length; i++) {
            if (layoutHits[i] > 0 && (best < 0 || layoutHits[i] > layoutHits[best])) {
                best = i;
            }
        }
        return best;
    }
}
