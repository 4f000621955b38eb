package dev.assay.model.plan.schema;

import dev.assay.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes plan.schema.json at build time, for the UI's generated types and for people to read. */
public final class PlanSchemaWriter {

    private PlanSchemaWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PlanSchemaWriter OUTPUT.json");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.writePretty(PlanSchema.plan()) + "\n");
    }
}
