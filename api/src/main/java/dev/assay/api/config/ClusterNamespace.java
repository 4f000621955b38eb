package dev.assay.api.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The namespace the api works in on a cluster. Both the Kubernetes executor (where it creates the resources) and the
 * stores (the namespace part of every status key and artifact path) need the same answer, so it is decided here once.
 */
public final class ClusterNamespace {

    private static final Path POD_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    private ClusterNamespace() {}

    /** {@code assay.kubernetes.namespace}, else the api pod's own namespace, else {@code default}. */
    public static String of(String configured) throws IOException {
        return !configured.isBlank()
                ? configured
                : Files.isReadable(POD_NAMESPACE)
                        ? Files.readString(POD_NAMESPACE).strip()
                        : "default";
    }
}
