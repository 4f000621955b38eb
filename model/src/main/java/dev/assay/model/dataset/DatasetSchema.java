package dev.assay.model.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The columns of a dataset as validation sees them: from a profile before a plan runs, from the table
 * itself while it runs. Each plan step projects the schema it receives into the one the next step sees.
 *
 * @param columns         in table order
 * @param derivedPrefixes one-hot prefixes whose new columns are not known without the data (for example
 *                        {@code "Cabin_"}): a name with such a prefix is taken to exist and be numeric
 */
public record DatasetSchema(List<ColumnInfo> columns, Set<String> derivedPrefixes) {

    public DatasetSchema {
        columns = List.copyOf(columns);
        derivedPrefixes = Set.copyOf(derivedPrefixes);
    }

    public DatasetSchema(List<ColumnInfo> columns) {
        this(columns, Set.of());
    }

    public List<String> names() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    public Optional<ColumnInfo> find(String name) {
        for (ColumnInfo column : columns) {
            if (column.name().equals(name)) {
                return Optional.of(column);
            }
        }
        return derivedPrefixes.stream().anyMatch(name::startsWith)
                ? Optional.of(ColumnInfo.of(name, ColumnType.INTEGER, VariableKind.NUMERIC))
                : Optional.empty();
    }

    public boolean has(String name) {
        return find(name).isPresent();
    }

    public List<ColumnInfo> matching(Predicate<ColumnInfo> predicate) {
        return columns.stream().filter(predicate).toList();
    }

    /**
     * How a step's {@code columns} reads: the named columns that exist, or, when none are named, every column the
     * step applies to.
     */
    public List<ColumnInfo> namedOrMatching(List<String> names, Predicate<ColumnInfo> appliesTo) {
        return names.isEmpty() ? matching(appliesTo) : names.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The closest existing name, for "did you mean" hints; empty when nothing is reasonably close. */
    public Optional<String> closest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return columns.stream().map(ColumnInfo::name)
                .min(Comparator.comparingInt(n -> distance.apply(n.toLowerCase(Locale.ROOT), wanted)))
                .filter(n -> distance.apply(n.toLowerCase(Locale.ROOT), wanted) <= Math.max(2, wanted.length() / 3));
    }

    public DatasetSchema without(Collection<String> names) {
        return new DatasetSchema(columns.stream().filter(c -> !names.contains(c.name())).toList(), derivedPrefixes);
    }

    /** Replaces each column by name, keeping order; columns not present are appended. */
    public DatasetSchema with(Collection<ColumnInfo> updated) {
        List<ColumnInfo> result = new ArrayList<>(columns);
        for (ColumnInfo column : updated) {
            int at = indexOf(result, column.name());
            if (at >= 0) {
                result.set(at, column);
            } else {
                result.add(column);
            }
        }
        return new DatasetSchema(result, derivedPrefixes);
    }

    public DatasetSchema withDerivedPrefix(String prefix) {
        Set<String> prefixes = new LinkedHashSet<>(derivedPrefixes);
        prefixes.add(prefix);
        return new DatasetSchema(columns, prefixes);
    }

    public DatasetSchema renamed(String from, String to) {
        return new DatasetSchema(columns.stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                derivedPrefixes);
    }

    private static int indexOf(List<ColumnInfo> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
