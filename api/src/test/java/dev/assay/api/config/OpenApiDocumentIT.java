package dev.assay.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI's REST types are generated from ui/openapi/assay-api.json (ui/scripts/gen-types.mjs), so that file must be
 * the document the api serves at {@code /v3/api-docs}. An endpoint or record that changes without it fails here,
 * with the command that rewrites it.
 */
@ApiOverHttp
class OpenApiDocumentIT {

    static final Path COMMITTED =
            Path.of("..", "ui", "openapi", "assay-api.json").toAbsolutePath().normalize();
    static final String WRITE = "assay.openapi.write";
    static final String REWRITE = "mvn -B -o verify -pl model,runner-image,ui,api -P '!npm' -Dit.test=OpenApiDocumentIT"
            + " -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE
            + "=true";

    @LocalServerPort
    int port;

    @Test
    void theCommittedDocumentIsTheOneTheApiServes() throws IOException {
        HttpApi.Answer answer = new HttpApi(port).get("/v3/api-docs");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String served = canonical(answer.json());

        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED))
                .as("%s is missing; write it with:%n  %s", COMMITTED, REWRITE)
                .isTrue();
        assertThat(Files.readString(COMMITTED))
                .as(
                        "%s differs from the api's /v3/api-docs; rewrite it (then npm run gen:types in ui/) with:%n  %s",
                        COMMITTED, REWRITE)
                .isEqualTo(served);
    }

    /**
     * The document with its keys sorted at every level and two-space indents, so a change shows as a small diff.
     * The servers entry is left out: springdoc fills it from the request (this test's random port).
     */
    static String canonical(JsonNode document) throws IOException {
        ObjectNode stable = (ObjectNode) sorted(document);
        stable.remove("servers");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return Json.mapper().writer(printer).writeValueAsString(stable) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
