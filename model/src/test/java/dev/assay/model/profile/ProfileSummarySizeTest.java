package dev.assay.model.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.json.Json;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The uploaded file's size travels in the summary, and summaries stored before it still read. */
class ProfileSummarySizeTest {

    @Test
    void theSizeIsWrittenAndReadBack() throws Exception {
        ProfileSummary summary = new ProfileSummary(
                891, 12, 866, 0.081, 0, Map.of(), List.of(), List.of(), OptionalLong.of(61_194), false);

        String json = Json.write(summary);

        assertThat(json).contains("\"source_bytes\":61194");
        assertThat(Json.mapper().readValue(json, ProfileSummary.class).sourceBytes())
                .hasValue(61_194);
    }

    @Test
    void aSummaryStoredBeforeTheSizeWasRecordedReadsAsUnknownNotAsZero() throws Exception {
        String old = "{\"rows\":891,\"columns\":12,\"missing_cells\":866,\"missing_share\":0.081,"
                + "\"duplicate_rows_dropped\":0,\"types\":{},\"variables\":[],\"alerts\":[]}";

        assertThat(Json.mapper().readValue(old, ProfileSummary.class).sourceBytes())
                .isEmpty();
    }
}
