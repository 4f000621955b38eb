package dev.assay.model.profile;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * profile.json: everything the report, the assistant and the UI know about a dataset. Field names are
 * snake_case on the wire ({@link dev.assay.model.json.Json}). Documented in model/README.md.
 *
 * @param variables  by column name, in table order
 * @param alerts     most severe first
 * @param estimates  present when the file was profiled in streaming mode: which figures are estimates, and their
 *                   error bounds; absent for an exact profile
 */
public record Profile(
        int schemaVersion,
        String source,
        TableStats table,
        Map<String, VariableProfile> variables,
        Correlations correlations,
        MissingProfile missing,
        List<Alert> alerts,
        Sample sample,
        IngestReport ingest,
        java.util.Optional<Estimates> estimates) {

    public static final int SCHEMA_VERSION = 1;

    public Profile {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        alerts = List.copyOf(alerts);
        estimates = estimates == null ? java.util.Optional.empty() : estimates;
    }

    /** An exact profile. */
    public Profile(
            int schemaVersion,
            String source,
            TableStats table,
            Map<String, VariableProfile> variables,
            Correlations correlations,
            MissingProfile missing,
            List<Alert> alerts,
            Sample sample,
            IngestReport ingest) {
        this(
                schemaVersion,
                source,
                table,
                variables,
                correlations,
                missing,
                alerts,
                sample,
                ingest,
                java.util.Optional.empty());
    }

    /** Whether the profile was computed in streaming mode (some figures are estimates; no plan can be applied). */
    public boolean streamed() {
        return estimates.isPresent();
    }

    /** The schema a plan is validated against before it runs. */
    public DatasetSchema schema() {
        return new DatasetSchema(variables.values().stream()
                        .map(VariableProfile::columnInfo)
                        .toList())
                .withFacts(table == null ? 0 : table.rows(), strongLinks());
    }

    /** Pairs at least {@link DatasetSchema.Link#STRONG} apart from nothing, by any of the profile's measures. */
    private List<DatasetSchema.Link> strongLinks() {
        List<DatasetSchema.Link> links = new java.util.ArrayList<>();
        if (correlations == null) {
            return links;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        addStrong(links, seen, "pearson", correlations.pearson());
        addStrong(links, seen, "spearman", correlations.spearman());
        addStrong(links, seen, "cramers_v", correlations.cramersV());
        return links;
    }

    private static void addStrong(
            List<DatasetSchema.Link> links, java.util.Set<String> seen, String measure, CorrelationMatrix matrix) {
        if (matrix == null) {
            return;
        }
        for (int i = 0; i < matrix.columns().size(); i++) {
            for (int j = i + 1; j < matrix.columns().size(); j++) {
                Double value = matrix.values().get(i).get(j);
                String a = matrix.columns().get(i);
                String b = matrix.columns().get(j);
                if (value != null && Math.abs(value) >= DatasetSchema.Link.STRONG && seen.add(a + "\u0000" + b)) {
                    links.add(new DatasetSchema.Link(a, b, measure, value));
                }
            }
        }
    }

    public ProfileSummary summary() {
        return ProfileSummary.of(this);
    }

    public List<ColumnInfo> columns() {
        return schema().columns();
    }
}
