package dev.assay.model.crd;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.json.Json;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds each kind's description ({@link JsonClassDescription} on its class) to the top of its generated CRD schema,
 * which is what {@code kubectl explain <kind>} prints. The fabric8 CRD generator describes spec, status and their
 * fields from {@code @JsonPropertyDescription}, but writes no description for the kind itself; this runs right after
 * it at build time (model/pom.xml), so the CRDs stay generated from the classes alone.
 */
public final class CrdDescriptions {

    static final List<Class<? extends CustomResource<?, ?>>> KINDS = List.of(DatasetJob.class, AssistantRun.class);
    private static final Pattern SCHEMA = Pattern.compile("^(\\s*)openAPIV3Schema:\\s*$");

    private CrdDescriptions() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CrdDescriptions GENERATED_CRD_FOLDER");
        }
        for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
            Path file = Path.of(args[0]).resolve(CustomResource.getCRDName(kind) + "-v1.yml");
            Files.writeString(file, describe(Files.readString(file), description(kind)));
        }
    }

    static String description(Class<?> kind) {
        JsonClassDescription description = kind.getAnnotation(JsonClassDescription.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(kind.getSimpleName() + " has no @JsonClassDescription for kubectl explain");
        }
        return description.value();
    }

    /** The CRD text with {@code description} as the first key of each version's schema (replacing an earlier one). */
    static String describe(String crd, String description) {
        List<String> lines = new ArrayList<>(crd.lines().toList());
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher schema = SCHEMA.matcher(lines.get(i));
            if (!schema.matches()) {
                continue;
            }
            String indent = schema.group(1) + "  ";
            String line = indent + "description: " + Json.write(description);
            if (i + 1 < lines.size() && lines.get(i + 1).startsWith(indent + "description: ")) {
                lines.set(i + 1, line);
            } else {
                lines.add(i + 1, line);
            }
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no openAPIV3Schema in the generated CRD");
        }
        return String.join("\n", lines) + "\n";
    }
}
