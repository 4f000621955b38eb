package dev.assay.model.profile;

import dev.assay.model.dataset.ColumnType;
import java.util.List;

/**
 * A column that is mostly of one type with a few values that are not: it is kept as text so nothing is
 * lost, and this says what it would be without them.
 *
 * @param dominant what most values are
 * @param count    how many values are not
 * @param examples up to 10 of them
 */
public record StrayValues(ColumnType dominant, long count, List<String> examples) {

    public StrayValues {
        examples = List.copyOf(examples);
    }
}
