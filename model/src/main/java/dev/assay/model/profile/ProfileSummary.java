package dev.assay.model.profile;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import java.util.List;
import java.util.Map;

/** The key numbers of a profile, for status answers and custom resource status. */
public record ProfileSummary(long rows, int columns, long missingCells, double missingShare, long duplicateRowsDropped,
                             Map<VariableKind, Integer> types, List<VariableSummary> variables, List<Alert> alerts) {

    public record VariableSummary(String name, VariableKind type, ColumnType storage, long missing, long distinct) {
    }

    public static ProfileSummary of(Profile profile) {
        return new ProfileSummary(profile.table().rows(), profile.table().columns(), profile.table().missingCells(),
                profile.table().missingShare(), profile.ingest().duplicatesDropped(), profile.table().types(),
                profile.variables().values().stream()
                        .map(v -> new VariableSummary(v.name(), v.type(), v.storage(), v.missing(), v.distinct()))
                        .toList(),
                profile.alerts());
    }
}
