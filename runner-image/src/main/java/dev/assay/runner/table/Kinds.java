package dev.assay.runner.table;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.VariableProfile;
import java.util.Locale;

/** What a column means for analysis, from its storage type and a few facts about its values. */
public final class Kinds {

    /** Below this many values, "all different" says nothing about identifiers. */
    public static final int MIN_ROWS_FOR_IDENTIFIER = 20;

    /** Above this many distinct values a categorical column is too scattered to count or correlate. */
    public static final int HIGH_CARDINALITY = 50;

    private Kinds() {}

    /** Whether a column takes part in Pearson and Spearman (the first columns that do, up to the profiler's cap). */
    public static boolean correlatesAsNumber(VariableProfile v) {
        return v.storage().isNumeric()
                && v.distinct() > 1
                && (v.type() == VariableKind.NUMERIC || v.type() == VariableKind.BOOLEAN);
    }

    /** Whether a column takes part in Cramér's V (the first columns that do, up to the profiler's cap). */
    public static boolean correlatesAsCategory(VariableProfile v) {
        return (v.type() == VariableKind.CATEGORICAL || v.type() == VariableKind.BOOLEAN)
                && v.distinct() > 1
                && v.distinct() <= HIGH_CARDINALITY;
    }

    /**
     * @param present      non-missing values
     * @param distinct     distinct non-missing values
     * @param zeroOne      an integer column whose values are all 0 or 1
     * @param increasing   a numeric column whose values strictly increase from row to row
     * @param booleanWords a text column whose values are all yes/no, true/false and the like
     * @param meanLength   mean length of a text column's values
     * @param spaces       whether some text value contains a space (names, sentences)
     */
    public static VariableKind infer(
            String name,
            ColumnType type,
            long present,
            long distinct,
            boolean zeroOne,
            boolean increasing,
            boolean booleanWords,
            double meanLength,
            boolean spaces) {
        boolean allDifferent = present >= MIN_ROWS_FOR_IDENTIFIER && distinct == present;
        return switch (type) {
            case BOOLEAN -> VariableKind.BOOLEAN;
            case DATE, DATETIME -> VariableKind.DATETIME;
            case DECIMAL -> VariableKind.NUMERIC;
            case INTEGER -> {
                if (zeroOne && distinct == 2) {
                    yield VariableKind.BOOLEAN;
                }
                yield allDifferent && (namedLikeKey(name) || increasing)
                        ? VariableKind.IDENTIFIER
                        : VariableKind.NUMERIC;
            }
            case STRING -> {
                if (booleanWords && distinct <= 2 && distinct > 0) {
                    yield VariableKind.BOOLEAN;
                }
                if (allDifferent) {
                    yield spaces || meanLength > 30 ? VariableKind.TEXT : VariableKind.IDENTIFIER;
                }
                yield meanLength > 50 && distinct > present / 2 ? VariableKind.TEXT : VariableKind.CATEGORICAL;
            }
        };
    }

    /** id, index, *_id, *Id, *ID, *_key: names people give to keys. */
    public static boolean namedLikeKey(String name) {
        String raw = name.strip();
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.equals("id")
                || lower.equals("index")
                || lower.endsWith("_id")
                || lower.endsWith(" id")
                || lower.endsWith("_key")
                || raw.endsWith("Id")
                || raw.endsWith("ID");
    }
}
