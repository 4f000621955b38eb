package dev.assay.api.jobs;

import dev.assay.api.executor.Creator;
import dev.assay.api.metadata.Metadata;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Who started a run, as far as Assay can tell, and whether people may act on it through Assay.
 *
 * @param via      how the run came to be: {@code api} (applied through Assay), {@code legacy} (found in the stores
 *                 by the upgrade, given to the legacy owner), {@code kubernetes} (an AssistantRun created with another
 *                 Kubernetes client, such as kubectl), {@code unknown} (in the stores only: neither the database
 *                 nor the cluster knows it, for example an AssistantRun already deleted with kubectl)
 * @param user     the person it belongs to; for {@code kubernetes}, the Kubernetes user the operator's admission
 *                 webhook recorded as its creator, or null when that is not recorded (never a guess)
 * @param tool     for {@code kubernetes}: the client program (field manager) that wrote the run's spec, such as
 *                 {@code kubectl-client-side-apply}; null otherwise
 * @param readOnly true for runs the cluster says were made outside Assay: shown with their dataset, but deleted
 *                 the way they were made
 */
@NullMarked
public record RunOrigin(
        String via, @Nullable String user, @Nullable String tool, boolean readOnly) {

    static RunOrigin of(Metadata.Ownership ownership) {
        return new RunOrigin(
                ownership.origin().name().toLowerCase(Locale.ROOT),
                ownership.owner(),
                null,
                ownership.origin() == Metadata.Origin.KUBERNETES);
    }

    static RunOrigin outside(Optional<Creator> creator) {
        return creator.map(c -> new RunOrigin("kubernetes", c.user().orElse(null), c.tool(), true))
                .orElseGet(() -> new RunOrigin("unknown", null, null, false));
    }
}
