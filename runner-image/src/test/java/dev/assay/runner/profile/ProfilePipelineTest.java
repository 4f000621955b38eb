package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.json.Json;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine.profile end to end: the three files, progress, and tables shaped unlike the example datasets. */
class ProfilePipelineTest {

    @TempDir
    Path dir;

    private final Engine engine = new Engine(EngineConfig.defaults());

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void cleanedCsvKeepsEachValueAsWrittenWithoutDuplicatesAndReadsBackTheSame() throws IOException {
        Path input = write(
                "shop.csv",
                "\uFEFFitem;price;day;note\n"
                        + "a;1.50;03/04/2020;\"say \"\"hi\"\"\"\n"
                        + "b;NA;04/04/2020;=SUM(A1)\n"
                        + "a;1.50;03/04/2020;\"say \"\"hi\"\"\"\n"
                        + "c;2;05/04/2020;\"x, y\"\n");

        Profile profile =
                engine.profile(input, dir.resolve("out"), ProgressListener.NONE).profile();

        List<String> lines = Files.readAllLines(dir.resolve("out/cleaned.csv"));
        assertThat(lines)
                .containsExactly(
                        "item,price,day,note",
                        "a,1.50,03/04/2020,\"say \"\"hi\"\"\"",
                        "b,,04/04/2020,'=SUM(A1)",
                        "c,2,05/04/2020,\"x, y\"");
        assertThat(profile.ingest().duplicatesDropped()).isEqualTo(1);
        assertThat(dir.resolve("out"))
                .isDirectoryContaining("glob:**/profile.json")
                .isDirectoryContaining("glob:**/report.html")
                .isDirectoryNotContaining("glob:**/*.partial");

        Profile again = engine.profile(dir.resolve("out/cleaned.csv"), dir.resolve("again"), ProgressListener.NONE)
                .profile();
        assertThat(again.schema().columns())
                .extracting(c -> c.type())
                .containsExactlyElementsOf(
                        profile.schema().columns().stream().map(c -> c.type()).toList());
        assertThat(again.table().rows()).isEqualTo(3);
    }

    @Test
    void progressOnlyMovesForwardAndEndsAtAHundred() {
        List<Integer> seen = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        engine.profile(Datasets.DIR.resolve("titanic.csv"), dir.resolve("out"), (percent, stage) -> {
            seen.add(percent);
            stages.add(stage);
        });

        assertThat(seen).isSorted().last().isEqualTo(100);
        assertThat(stages).contains("reading values", "profiling columns", "correlations", "writing the report");
    }

    @Test
    void badInputWritesNothing() throws IOException {
        Path ragged = write("ragged.csv", "a,b\n1,2\n3,4,5\n");

        assertThatThrownBy(() -> engine.profile(ragged, dir.resolve("out"), ProgressListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 3");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void wideTablesCorrelateAtMostThirtyColumnsOfEachFamily() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 40; c++) {
            csv.append(c == 0 ? "" : ",").append("x").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 40; c++) {
                csv.append(c == 0 ? "" : ",").append((r * 7 + c * 13) % 31 + 0.5);
            }
            csv.append('\n');
        }

        Profile profile = engine.profile(write("wide.csv", csv.toString()), dir.resolve("out"), ProgressListener.NONE)
                .profile();

        assertThat(profile.variables()).hasSize(40);
        assertThat(profile.correlations().pearson().columns())
                .hasSize(CorrelationCalculator.MAX_COLUMNS)
                .startsWith("x0", "x1");
        assertThat(profile.correlations().spearman().columns()).hasSize(CorrelationCalculator.MAX_COLUMNS);
        // The report says the heat maps are partial, and which columns they leave out.
        assertThat(java.nio.file.Files.readString(dir.resolve("out").resolve("report.html")))
                .contains(
                        "the first 30 of 40 columns, in table order (left out: x30, x31, x32, x33, x34, x35, x36, x37, x38, x39)");
    }

    @Test
    void categoriesAreListedUpToFiftyAndTextTooVariedForADictionaryIsStillCounted() throws IOException {
        StringBuilder csv = new StringBuilder("fifty,many,unique\n");
        // Over 32,768 distinct values and over half of them distinct: Tablesaw keeps such a column without a
        // dictionary, and the profiler counts it another way.
        int rows = 40_000;
        for (int r = 0; r < rows; r++) {
            csv.append("c")
                    .append(r % 50)
                    .append(',')
                    .append("m")
                    .append(r % 51)
                    .append(',')
                    .append(String.format(Locale.ROOT, "u%06d", r))
                    .append('\n');
        }

        Profile profile = engine.profile(write("cats.csv", csv.toString()), dir.resolve("out"), ProgressListener.NONE)
                .profile();

        VariableProfile fifty = profile.variables().get("fifty");
        assertThat(fifty.categories()).hasSize(50).contains("c0", "c49");
        assertThat(profile.variables().get("many").categories()).isEmpty();
        assertThat(profile.variables().get("many").distinct()).isEqualTo(51);
        VariableProfile unique = profile.variables().get("unique");
        assertThat(unique.distinct()).isEqualTo(rows);
        assertThat(unique.type()).isEqualTo(VariableKind.IDENTIFIER);
        assertThat(unique.top())
                .hasSize(20)
                .allSatisfy(v -> assertThat(v.count()).isEqualTo(1));
        assertThat(unique.top().getFirst().value()).isEqualTo("u000000");
        assertThat(profile.alerts()).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(AlertType.UNIQUE);
            assertThat(a.column()).contains("unique");
        });
        assertThat(profile.alerts()).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(AlertType.HIGH_CARDINALITY);
            assertThat(a.column()).contains("many");
        });
    }

    @Test
    void profileJsonOnDiskIsTheProfileReturned() throws IOException {
        Profile profile = engine.profile(
                        Datasets.DIR.resolve("penguins.csv"), dir.resolve("out"), ProgressListener.NONE)
                .profile();

        Profile read = Json.mapper().readValue(dir.resolve("out/profile.json").toFile(), Profile.class);
        assertThat(read.schema()).isEqualTo(profile.schema());
        assertThat(read.alerts()).isEqualTo(profile.alerts());
        assertThat(read.variables().get("body_mass_g").storage()).isEqualTo(ColumnType.INTEGER);
    }
}
