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
        IngestReport ingest) {

    public static final int SCHEMA_VERSION = 1;

    public Profile {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        alerts = List.copyOf(alerts);
    }

    /** The schema a plan is validated against before it runs. */
    public DatasetSchema schema() {
        return new DatasetSchema(variables.values().stream().map(VariableProfile::columnInfo).toList());
    }

    public ProfileSummary summary() {
        return ProfileSummary.of(this);
    }

    public List<ColumnInfo> columns() {
        return schema().columns();
    }
}
