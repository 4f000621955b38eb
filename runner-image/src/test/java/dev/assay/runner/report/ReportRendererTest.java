package dev.assay.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {

    @TempDir
    Path dir;

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void titanicReportHasEverySectionAndAChartPerColumn() {
        Profile profile = new ProfilePipeline(EngineConfig.defaults())
                .read(Datasets.DIR.resolve("titanic.csv"), ProgressListener.NONE)
                .profile();

        String html = renderer.render(profile);

        assertThat(html)
                .contains(
                        "id=\"overview\"",
                        "id=\"alerts\"",
                        "id=\"columns\"",
                        "id=\"correlations\"",
                        "id=\"missing\"",
                        "id=\"sample\"");
        assertThat(html)
                .contains("Age is missing in 177 rows")
                .contains("Suggested: Fill missing · median · Age")
                .doesNotContain("strategy=")
                .doesNotContain("columns=[");
        assertThat(countOf(html, "<article class=\"card variable\"")).isEqualTo(12);
        assertThat(countOf(html, "<svg")).isGreaterThanOrEqualTo(12 + 3);
        assertThat(html).contains("Braund, Mr. Owen Harris");
    }

    @Test
    void dataIsEscapedAndNothingIsLoadedFromAnywhere() throws IOException {
        Path csv = dir.resolve("hostile.csv");
        // The hostile row appears twice, so it reaches the report's table of repeated rows too.
        Files.writeString(
                csv,
                "\"<script>alert(1)</script>\",note\n1,\"<img src=x onerror=alert(2)>\"\n2,\"</style><b>\"\n"
                        + "2,\"</style><b>\"\n");
        Profile profile = new ProfilePipeline(EngineConfig.defaults())
                .read(csv, ProgressListener.NONE)
                .profile();

        String html = renderer.render(profile);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("</style><b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html)
                .contains("Most repeated rows")
                .contains("<td>2 times</td><td>2</td><td>&lt;/style&gt;&lt;b&gt;</td>");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void everyAlertLinksToItsColumnsCardAndChartsSayWhatTheyShow() {
        Profile profile = new ProfilePipeline(EngineConfig.defaults())
                .read(Datasets.DIR.resolve("titanic.csv"), ProgressListener.NONE)
                .profile();

        String html = renderer.render(profile);

        java.util.regex.Matcher links = java.util.regex.Pattern.compile("class=\"jump\" href=\"#([^\"]+)\"")
                .matcher(html);
        int count = 0;
        while (links.find()) {
            assertThat(html).as("card for %s", links.group(1)).contains("id=\"" + links.group(1) + "\"");
            count++;
        }
        assertThat(count).isEqualTo(profile.alerts().size());
        // Names are all different: their lengths are drawn, not twenty counts of 1.
        assertThat(html).contains("Lengths of the values (characters); every value differs");
        assertThat(html).contains("<title>median 28</title>");
        assertThat(html).contains("6 warnings").contains("6 info");
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
