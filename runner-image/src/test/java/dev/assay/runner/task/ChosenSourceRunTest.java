package dev.assay.runner.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.FilesystemArtifactStore;
import dev.assay.runner.storage.InMemoryStatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sheet chosen at upload is the sheet every later run reads: the runs re-read the uploaded source. */
class ChosenSourceRunTest {

    @TempDir
    Path dir;

    @Test
    void aRunReadsTheSheetTheDatasetWasProfiledWith() throws IOException {
        Path book = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet first = workbook.createSheet("Cover");
            first.createRow(0).createCell(0).setCellValue("title");
            first.getRow(0).createCell(1).setCellValue("author");
            first.createRow(1).createCell(0).setCellValue("Q3");
            first.getRow(1).createCell(1).setCellValue("finance");
            Sheet data = workbook.createSheet("Data");
            data.createRow(0).createCell(0).setCellValue("id");
            data.getRow(0).createCell(1).setCellValue("amount");
            data.getRow(0).createCell(2).setCellValue("note");
            for (int r = 1; r <= 5; r++) {
                data.createRow(r).createCell(0).setCellValue(r);
                data.getRow(r).createCell(1).setCellValue(r * 1.5);
                data.getRow(r).createCell(2).setCellValue("n" + r);
            }
            try (OutputStream out = Files.newOutputStream(book)) {
                workbook.write(out);
            }
        }
        FilesystemArtifactStore artifacts = new FilesystemArtifactStore(dir.resolve("store"));
        String jobId = "j-0123456789abcdef";
        String sourceKey = ArtifactKeys.job(jobId, "source.csv");
        artifacts.put(sourceKey, book, "application/octet-stream");
        Engine engine = new Engine(EngineConfig.defaults());
        TaskRunner runner = new TaskRunner(
                artifacts,
                new InMemoryStatusStore(),
                engine::profile,
                engine::apply,
                dir.resolve("work"),
                Clock.systemUTC(),
                () -> false);

        TaskRunner.Outcome profiled =
                runner.profile(jobId, sourceKey, "book.xlsx", new SourceOptions(Optional.of("Data"), Optional.empty()));
        Plan plan = new Plan(
                "Drop the note.", List.of(new PlanStep(ActionType.DROP_COLUMNS, Map.of("columns", List.of("note")))));
        TaskRunner.Outcome applied = runner.apply(jobId, "r-1", sourceKey, plan, "drop note");

        assertThat(profiled).isEqualTo(TaskRunner.Outcome.DONE);
        assertThat(applied).isEqualTo(TaskRunner.Outcome.DONE);
        try (InputStream in =
                artifacts.open(ArtifactKeys.run(jobId, "r-1", "profile.json")).orElseThrow()) {
            Profile after = Json.mapper().readValue(in, Profile.class);
            assertThat(after.variables().keySet()).containsExactly("id", "amount");
            assertThat(after.table().rows()).isEqualTo(5);
        }
        try (InputStream in =
                artifacts.open(ArtifactKeys.job(jobId, "profile.json")).orElseThrow()) {
            Profile before = Json.mapper().readValue(in, Profile.class);
            assertThat(before.ingest().source().sheet()).contains("Data");
            assertThat(before.ingest().source().format()).isEqualTo("xlsx");
        }
    }
}
