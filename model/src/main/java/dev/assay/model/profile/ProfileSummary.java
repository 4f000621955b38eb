package dev.assay.model.profile;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.NullMarked;

/**
 * The key numbers of a profile, for status answers and custom resource status.
 *
 * @param sourceBytes the uploaded file's size, so two uploads of one file name can be told apart; empty in
 *                    summaries written before it was recorded
 * @param streamed    the file was profiled in streaming mode: some figures are estimates and no plan can be applied
 */
@NullMarked
public record ProfileSummary(
        long rows,
        int columns,
        long missingCells,
        double missingShare,
        long duplicateRowsDropped,
        Map<VariableKind, Integer> types,
        List<VariableSummary> variables,
        List<Alert> alerts,
        OptionalLong sourceBytes,
        boolean streamed) {

    public ProfileSummary {
        sourceBytes = sourceBytes == null ? OptionalLong.empty() : sourceBytes;
    }

    public ProfileSummary(
            long rows,
            int columns,
            long missingCells,
            double missingShare,
            long duplicateRowsDropped,
            Map<VariableKind, Integer> types,
            List<VariableSummary> variables,
            List<Alert> alerts) {
        this(
                rows,
                columns,
                missingCells,
                missingShare,
                duplicateRowsDropped,
                types,
                variables,
                alerts,
                OptionalLong.empty(),
                false);
    }

    @NullMarked
    public record VariableSummary(String name, VariableKind type, ColumnType storage, long missing, long distinct) {}

    public static ProfileSummary of(Profile profile) {
        return new ProfileSummary(
                profile.table().rows(),
                profile.table().columns(),
                profile.table().missingCells(),
                profile.table().missingShare(),
                profile.ingest().duplicatesDropped(),
                profile.table().types(),
                profile.variables().values().stream()
                        .map(v -> new VariableSummary(v.name(), v.type(), v.storage(), v.missing(), v.distinct()))
                        .toList(),
                profile.alerts(),
                OptionalLong.of(profile.ingest().bytes()),
                profile.streamed());
    }
}
