package dev.assay.runner.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.json.Json;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine streams a file above the configured size by itself, says so, and refuses to apply a plan to it. */
class StreamingModeTest {

    @TempDir
    Path tmp;

    private static final Path TITANIC = Datasets.DIR.resolve("titanic.csv");

    @Test
    void aFileAboveTheThresholdIsStreamedAndItsReportNamesTheEstimates() throws Exception {
        Engine engine = new Engine(EngineConfig.defaults().withStreamAbove(10_000));

        Profile profile = engine.profile(TITANIC, tmp, ProgressListener.NONE).profile();

        assertThat(profile.streamed()).isTrue();
        assertThat(profile.estimates().orElseThrow().reason()).contains("is larger than the streaming threshold");
        assertThat(profile.summary().streamed()).isTrue();
        Profile written = Json.mapper().readValue(Files.readString(tmp.resolve("profile.json")), Profile.class);
        assertThat(written.estimates()).isEqualTo(profile.estimates());
        assertThat(Files.readString(tmp.resolve("report.html")))
                .contains("Profiled in streaming mode because the file")
                .contains("duplicate rows (HyperLogLog");
        // cleaned.csv is still written, every row kept.
        assertThat(Files.readAllLines(tmp.resolve("cleaned.csv"))).hasSize(892);
    }

    @Test
    void aFileAtOrBelowTheThresholdGetsTheExactProfile() {
        long size = TITANIC.toFile().length();
        Profile profile = new Engine(EngineConfig.defaults().withStreamAbove(size))
                .profile(TITANIC, tmp, ProgressListener.NONE)
                .profile();

        assertThat(profile.streamed()).isFalse();
        assertThat(profile.estimates()).isEmpty();
    }

    @Test
    void applyingAPlanToAFileAboveTheThresholdIsRefusedWithTheReason() {
        Engine engine = new Engine(EngineConfig.defaults().withStreamAbove(10_000));

        assertThatThrownBy(() -> engine.apply(
                        TITANIC,
                        PlanReader.read(Datasets.TITANIC_SEED_PLAN),
                        tmp.resolve("run"),
                        ProgressListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("titanic.csv: is larger than the streaming threshold (10000 bytes)")
                .hasMessageContaining("a plan cannot be applied to it");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void theThresholdIsWrittenInBytesOrWithAUnit() {
        assertThat(EngineConfig.parseSize("1048576")).isEqualTo(1L << 20);
        assertThat(EngineConfig.parseSize("512MB")).isEqualTo(512L << 20);
        assertThat(EngineConfig.parseSize("2 gb")).isEqualTo(2L << 30);
        assertThat(EngineConfig.parseSize("64KB")).isEqualTo(64L << 10);
        assertThatThrownBy(() -> EngineConfig.parseSize("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a size: 'lots'");
    }
}
