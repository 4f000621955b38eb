package dev.assay.api.executor;

import java.util.Optional;

/**
 * Who made a run the api did not start, as far as the cluster says.
 *
 * @param tool the client program (field manager) that wrote the run's spec, such as {@code kubectl-create}
 * @param user the Kubernetes user who created it, from the annotation the admission webhook writes (and overwrites
 *             when someone sets it by hand); empty when it is not recorded: the run was created before the webhook,
 *             or the webhook is not installed, in which case the annotation could have been typed by anyone
 */
public record Creator(String tool, Optional<String> user) {}
