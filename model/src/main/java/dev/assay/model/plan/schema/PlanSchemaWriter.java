package dev.assay.model.plan.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.json.Json;
import dev.assay.model.plan.params.ActionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes plan.schema.json at build time, for the UI's generated types and for people to read. */
public final class PlanSchemaWriter {

    private PlanSchemaWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PlanSchemaWriter OUTPUT.json");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ObjectNode schema = PlanSchema.plan();
        // Only in the file the UI generates its types from (not in the schema sent to a language model): the label
        // of each action, so the UI and the report name actions alike from this one declaration.
        ObjectNode labels = schema.putObject("x-action-labels");
        for (ActionType type : ActionType.values()) {
            labels.put(type.wireName(), type.label());
        }
        Files.writeString(out, Json.writePretty(schema) + "\n");
    }
}
