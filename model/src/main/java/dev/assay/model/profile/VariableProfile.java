package dev.assay.model.profile;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import java.util.List;
import java.util.Optional;

/**
 * One column.
 *
 * @param count       non-missing values
 * @param uniqueShare distinct / count (1.0 for an identifier)
 * @param top         most frequent values with counts, most frequent first (at most 20)
 * @param categories  every distinct value when there are at most 50, else empty: lets validation know
 *                    the columns a one-hot encoding will add
 * @param stray       values that do not fit an otherwise numeric or date column (kept as text, not lost)
 */
public record VariableProfile(
        String name,
        VariableKind type,
        ColumnType storage,
        long count,
        long missing,
        double missingShare,
        long distinct,
        double uniqueShare,
        List<ValueCount> top,
        List<String> categories,
        Optional<NumericStats> numeric,
        Optional<TextStats> text,
        Optional<DateStats> date,
        Optional<StrayValues> stray) {

    public static final int MAX_LISTED_CATEGORIES = 50;

    public VariableProfile {
        top = List.copyOf(top);
        categories = List.copyOf(categories);
    }

    public ColumnInfo columnInfo() {
        return new ColumnInfo(name, storage, type, missing, distinct, categories);
    }
}
