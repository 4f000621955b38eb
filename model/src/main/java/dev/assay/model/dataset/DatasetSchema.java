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
 * @param rows            rows of the dataset, 0 when not known: lets validation say what share of rows or cells
 *                        a step touches
 * @param links           pairs of columns that nearly determine each other (|correlation| of at least
 *                        {@link Link#STRONG}): lets validation see a feature that is the target in disguise
 */
public record DatasetSchema(List<ColumnInfo> columns, Set<String> derivedPrefixes, long rows, List<Link> links) {

    public DatasetSchema {
        columns = List.copyOf(columns);
        derivedPrefixes = Set.copyOf(derivedPrefixes);
        links = List.copyOf(links);
    }

    public DatasetSchema(List<ColumnInfo> columns, Set<String> derivedPrefixes) {
        this(columns, derivedPrefixes, 0, List.of());
    }

    public DatasetSchema(List<ColumnInfo> columns) {
        this(columns, Set.of());
    }

    /**
     * Two columns that move together almost perfectly.
     *
     * @param measure pearson, spearman or cramers_v
     * @param value   the measure, signed where the measure has a sign
     */
    public record Link(String first, String second, String measure, double value) {

        /** The strength from which a feature is taken to be its partner in disguise. */
        public static final double STRONG = 0.98;

        public boolean involves(String column) {
            return first.equals(column) || second.equals(column);
        }

        public String partnerOf(String column) {
            return first.equals(column) ? second : first;
        }

        Link renamed(String from, String to) {
            return new Link(first.equals(from) ? to : first, second.equals(from) ? to : second, measure, value);
        }
    }

    /** The same columns, with the dataset's row count and strong links. */
    public DatasetSchema withFacts(long rowCount, List<Link> strongLinks) {
        return new DatasetSchema(columns, derivedPrefixes, rowCount, strongLinks);
    }

    /** The links of one column, strongest first. */
    public List<Link> linksOf(String column) {
        return links.stream()
                .filter(l -> l.involves(column))
                .sorted(Comparator.comparingDouble((Link l) -> -Math.abs(l.value())))
                .toList();
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
        return names.isEmpty()
                ? matching(appliesTo)
                : names.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The closest existing name, for "did you mean" hints; empty when nothing is reasonably close. */
    public Optional<String> closest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return columns.stream()
                .map(ColumnInfo::name)
                .min(Comparator.comparingInt(n -> distance.apply(n.toLowerCase(Locale.ROOT), wanted)))
                .filter(n -> distance.apply(n.toLowerCase(Locale.ROOT), wanted) <= Math.max(2, wanted.length() / 3));
    }

    public DatasetSchema without(Collection<String> names) {
        return new DatasetSchema(
                columns.stream().filter(c -> !names.contains(c.name())).toList(),
                derivedPrefixes,
                rows,
                links.stream()
                        .filter(l -> !names.contains(l.first()) && !names.contains(l.second()))
                        .toList());
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
        return new DatasetSchema(result, derivedPrefixes, rows, links);
    }

    public DatasetSchema withDerivedPrefix(String prefix) {
        Set<String> prefixes = new LinkedHashSet<>(derivedPrefixes);
        prefixes.add(prefix);
        return new DatasetSchema(columns, prefixes, rows, links);
    }

    public DatasetSchema renamed(String from, String to) {
        return new DatasetSchema(
                columns.stream()
                        .map(c -> c.name().equals(from) ? c.withName(to) : c)
                        .toList(),
                derivedPrefixes,
                rows,
                links.stream().map(l -> l.renamed(from, to)).toList());
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
