package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.runner.apply.ApplyPipeline;
import dev.assay.runner.apply.PlanRunner;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marker word that makes up most of a column of categories ("None" for no damage) is read as missing, as the
 * reading rules say, and the profile says so with the step that reads it back. Crafted files: none of the public
 * files of examples/datasets writes a category as a marker word.
 */
class MissingMarkerTest {

    @TempDir
    Path dir;

    private final ProfilePipeline pipeline = new ProfilePipeline(EngineConfig.defaults());

    /** 100 rows: 'damage' is None in {@code none} of them, minor or major in the others; one blank cell. */
    private ApplyPipeline.Stages.Input read(int none) throws IOException {
        StringBuilder csv = new StringBuilder("id,damage,cost\n");
        for (int i = 0; i < 100; i++) {
            String damage = i == 99 ? "" : i < none ? "None" : i % 2 == 0 ? "minor" : "major";
            csv.append(i)
                    .append(',')
                    .append(damage)
                    .append(',')
                    .append(i * 3 % 17)
                    .append('\n');
        }
        Path file = dir.resolve("damage.csv");
        Files.writeString(file, csv);
        return pipeline.read(file, ProgressListener.NONE);
    }

    @Test
    void aMarkerWordThatIsMostOfAColumnOfCategoriesIsCalledOutWithTheStepThatReadsItBack() throws IOException {
        ApplyPipeline.Stages.Input input = read(89);
        Profile profile = input.profile();
        assertThat(profile.ingest().missingWords().get("damage")).containsEntry("None", 89L);
        List<Alert> markers = profile.alerts().stream()
                .filter(a -> a.type() == AlertType.MISSING_MARKER)
                .toList();
        assertThat(markers).hasSize(1);
        Alert alert = markers.getFirst();
        assertThat(alert.column()).contains("damage");
        assertThat(alert.message())
                .contains(
                        "'None' makes up 89 of 100 rows",
                        "89 %",
                        "read as missing",
                        "also fills the 1 empty cell",
                        "or upload the file again with missing markers that leave 'None' out");

        Plan plan = new Plan("read None back", List.of(alert.suggestedAction().orElseThrow()));
        var validated = PlanValidator.validate(plan, profile.schema());
        var outcome = new PlanRunner(EngineConfig.defaults())
                .run(input.table(), validated, profile.schema(), ProgressListener.NONE);
        var damage = outcome.table().stringColumn("damage");
        assertThat(damage.countMissing()).isZero();
        assertThat(damage.countOccurrences("None")).isEqualTo(90);
    }

    @Test
    void aFewMarkersAreOrdinaryMissingValues() throws IOException {
        Profile profile = read(10).profile();
        assertThat(profile.alerts()).noneMatch(a -> a.type() == AlertType.MISSING_MARKER);
        assertThat(profile.alerts())
                .anyMatch(a ->
                        a.type() == AlertType.MISSING && a.column().orElse("").equals("damage"));
    }
}
