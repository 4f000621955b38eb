package dev.assay.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.assistant.planning.PromptContext;
import dev.assay.model.json.Json;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What leaves Assay: nothing from any row without consent; with it, at most 20 rows, masked and cut. */
class ContextPrivacyTest {

    @TempDir
    Path dir;

    private Profile profile;
    private List<List<String>> rows;
    private final List<String> privateValues = new ArrayList<>();

    @BeforeEach
    void people() throws IOException {
        StringBuilder csv = new StringBuilder("customer,email,phone,card,iban,city,age,note\n");
        rows = new ArrayList<>();
        String[] cities = {"Reykjavik", "Tromso", "Ushuaia"};
        for (int i = 0; i < 30; i++) {
            List<String> row = List.of(
                    "Customer Number" + i,
                    "person" + i + "@example.org",
                    "+44 20 7946 09" + (10 + i),
                    "4111 1111 1111 1111",
                    "DE89 3704 0044 0532 0130 00",
                    cities[i % 3],
                    String.valueOf(20 + i),
                    "A very long remark that goes on and on about the customer's preferences, history and more " + i);
            rows.add(row);
            csv.append(String.join(",", row.stream().map(c -> "\"" + c + "\"").toList()))
                    .append('\n');
            privateValues.addAll(List.of(row.get(0), row.get(1), row.get(2), row.get(7)));
        }
        privateValues.addAll(
                List.of("4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "Reykjavik", "Tromso", "Ushuaia"));
        Path file = dir.resolve("people.csv");
        Files.writeString(file, csv);
        profile = new ProfilePipeline(EngineConfig.defaults())
                .read(file, ProgressListener.NONE)
                .profile();
    }

    private PromptContext build(boolean consent, int size) {
        return new ContextBuilder()
                .build("predict age", profile, consent, size, n -> rows.subList(0, Math.min(n, rows.size())));
    }

    @Test
    void withoutConsentNoValueOfAnyRowIsInTheContext() {
        PromptContext context = build(false, 20);
        String sent = context.system() + context.user();

        for (String value : privateValues) {
            assertThat(sent).as("value from a row").doesNotContain(value);
        }
        assertThat(context.sampleRows()).isZero();
        assertThat(sent).contains("\"email\"").contains("\"city\"");
    }

    @Test
    void withConsentAtMostTwentyRowsWhateverWasAskedAndPersonalValuesMasked() {
        PromptContext context = build(true, 500);
        JsonNode data = Json.mapper().valueToTree(context.data());

        assertThat(context.sampleRows()).isEqualTo(ContextBuilder.MAX_SAMPLE_ROWS);
        assertThat(data.get("sample_rows")).hasSize(20);
        JsonNode first = data.get("sample_rows").get(0);
        assertThat(first.get(1).asText()).isEqualTo("[email]");
        assertThat(first.get(2).asText()).isEqualTo("[phone]");
        assertThat(first.get(3).asText()).isEqualTo("[card]");
        assertThat(first.get(4).asText()).isEqualTo("[account]");
        assertThat(first.get(5).asText()).isEqualTo("Reykjavik");
        assertThat(first.get(7).asText())
                .hasSizeLessThanOrEqualTo(ContextBuilder.MAX_CELL + 1)
                .endsWith("…");
        String sent = context.user();
        assertThat(sent)
                .doesNotContain("person0@example.org")
                .doesNotContain("4111 1111 1111 1111")
                .doesNotContain("DE89 3704");
    }

    @Test
    void maskingLeavesOrdinaryNumbersAndCodesAlone() {
        assertThat(Masking.mask("Fare 7.25, ticket 347082, PC 17599, 2019-03-23 20:21:09"))
                .isEqualTo("Fare 7.25, ticket 347082, PC 17599, 2019-03-23 20:21:09");
        assertThat(Masking.mask("call 555-123-4567 or mail a.b@c.io")).isEqualTo("call [phone] or mail [email]");
        assertThat(Masking.mask("account 12345678901234")).isEqualTo("account [number]");
        assertThat(Masking.mask("card 4111-1111-1111-1112")).doesNotContain("[card]");
    }
}
