package dev.assay.api.manifests;

/**
 * An AssistantRun as a file to download.
 *
 * @param name     the resource's {@code metadata.name}
 * @param fileName what the download is saved as
 * @param yaml     the resource, ready for {@code kubectl apply -f}
 */
public record Manifest(String name, String fileName, String yaml) {}
