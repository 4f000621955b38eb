package dev.assay.runner.source;

import static dev.assay.runner.source.SourceFormatsTest.assertSameTable;
import static dev.assay.runner.source.SourceFormatsTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.runner.core.InputException;
import dev.assay.runner.ingest.CsvIngest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Excel workbooks written by Apache POI, read as their CSV twins. */
class WorkbookSourceTest {

    @TempDir
    Path dir;

    private static final String TWIN = """
            region,day,stamp,units,price,total,member
            North,2024-01-31,2024-01-31 08:30:00,3,2.5,7.5,true
            North,2024-02-29,2024-02-29 17:45:10,4,1.25,5,false
            South,2024-03-01,2024-03-01 00:00:00,10,0.1,1,true
            """;

    private Path twinCsv() throws IOException {
        return Files.writeString(dir.resolve("twin.csv"), TWIN);
    }

    /**
     * The twin as a workbook: a title row and an empty row above the header, dates and date-times as serial
     * numbers with date formats, a formula column (saved with its results), a region merged down two rows,
     * empty rows and a styled empty column after the table, and a second sheet.
     */
    private Path workbook(String name) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sales = book.createSheet("Sales");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle stamp = book.createCellStyle();
            stamp.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            sales.createRow(0).createCell(0).setCellValue("Quarterly sales report");
            Row header = sales.createRow(2);
            String[] names = {"region", "day", "stamp", "units", "price", "total", "member"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Object[][] rows = {
                {"North", LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 8, 30), 3, 2.5, true},
                {null, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 17, 45, 10), 4, 1.25, false},
                {"South", LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 3, 1, 0, 0), 10, 0.1, true}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sales.createRow(3 + r);
                if (rows[r][0] != null) {
                    row.createCell(0).setCellValue((String) rows[r][0]);
                }
                row.createCell(1).setCellValue((LocalDate) rows[r][1]);
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue((LocalDateTime) rows[r][2]);
                row.getCell(2).setCellStyle(stamp);
                row.createCell(3).setCellValue((Integer) rows[r][3]);
                row.createCell(4).setCellValue((Double) rows[r][4]);
                row.createCell(5).setCellFormula("D" + (4 + r) + "*E" + (4 + r));
                row.createCell(6).setCellValue((Boolean) rows[r][5]);
                row.createCell(9).setCellStyle(date);
            }
            sales.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            sales.createRow(10).createCell(1).setCellStyle(date);
            Sheet other = book.createSheet("Notes");
            other.createRow(0).createCell(0).setCellValue("key");
            other.getRow(0).createCell(1).setCellValue("value");
            other.createRow(1).createCell(0).setCellValue("source");
            other.getRow(1).createCell(1).setCellValue("ERP");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        }
    }

    @Test
    void theFirstSheetReadsLikeItsCsvTwinWithDatesFormulasAndAMergedCell() throws IOException {
        CsvIngest.Result result = read(workbook("sales.xlsx"));
        Table twin = read(twinCsv()).table();

        // The merged region keeps its value in its first cell only, as Excel stores it.
        assertThat(result.table().stringColumn("region").asList()).containsExactly("North", "", "South");
        Table filled = result.table().copy();
        filled.stringColumn("region").set(1, "North");
        assertSameTable(filled, twin);
        assertThat(result.table().column("day").type()).isEqualTo(ColumnType.LOCAL_DATE);
        assertThat(result.table().column("stamp").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
        assertThat(result.table().column("total").getString(0))
                .isEqualTo(twin.column("total").getString(0));
        assertThat(result.report().source().sheet()).contains("Sales");
        assertThat(result.report().source().format()).isEqualTo("xlsx");
        assertThat(result.report().source().encoding()).isEmpty();
        assertThat(result.report().warnings())
                .anySatisfy(w -> assertThat(w).contains("2 sheets ('Sales', 'Notes')", "'Sales', was read"))
                .anySatisfy(w ->
                        assertThat(w).contains("row 1 above the header (row 3) was skipped", "Quarterly sales report"));
    }

    @Test
    void aWorkbookWrittenByOpenpyxlReadsLikeItsTwin() throws Exception {
        Path file =
                Path.of(getClass().getResource("/formats/openpyxl-sales.xlsx").toURI());

        CsvIngest.Result result = read(file);

        assertSameTable(
                result.table(),
                read(Files.writeString(dir.resolve("orders.csv"), """
                order,placed,shipped_at,qty,unit_price,line_total,paid,customer
                1001,2024-01-31,2024-02-01 09:15:00,2,9.99,,true,Zoë Ångström
                1002,2024-02-29,2024-03-01 17:00:30,1,120,,false,René Müller
                1003,2024-03-01,,5,0.5,,true,
                """)).table());
        assertThat(result.table().column("placed").type()).isEqualTo(ColumnType.LOCAL_DATE);
        assertThat(result.report().warnings())
                .anySatisfy(w -> assertThat(w).contains("3 formula cells have no saved result", "read as missing"))
                .anySatisfy(w -> assertThat(w).contains("row 1 above the header (row 3) was skipped", "Orders export"))
                .anySatisfy(w -> assertThat(w).contains("'Orders', 'Rates'"));
    }

    @Test
    void theReportSaysWhatWasRead() throws IOException {
        Path out = dir.resolve("out");

        var outcome = new dev.assay.runner.engine.Engine(dev.assay.runner.core.EngineConfig.defaults())
                .profile(
                        workbook("sales.xlsx"), out, dev.assay.runner.core.ProgressListener.NONE, SourceOptions.none());

        assertThat(outcome.profile().ingest().source().describe()).isEqualTo("xlsx, sheet 'Sales'");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("Read as")
                .containsPattern("xlsx, sheet (&#39;|&#x27;|')Sales(&#39;|&#x27;|')");
        assertThat(Files.readString(out.resolve("cleaned.csv")))
                .startsWith("region,day,stamp,units,price,total,member");
    }

    @Test
    void aSheetIsChosenByName() throws IOException {
        CsvIngest.Result result =
                read(workbook("sales.xlsx"), new SourceOptions(Optional.of("Notes"), Optional.empty()));

        assertThat(result.table().columnNames()).containsExactly("key", "value");
        assertThat(result.table().stringColumn("value").get(0)).isEqualTo("ERP");
        assertThat(result.report().source().sheet()).contains("Notes");
    }

    @Test
    void aMissingSheetIsRefusedNamingTheSheetsThereAre() throws IOException {
        Path file = workbook("sales.xlsx");

        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.of("Summary"), Optional.empty())))
                .isInstanceOf(InputException.class)
                .hasMessage("sales.xlsx: has no sheet named 'Summary'; its sheets are 'Sales', 'Notes'");
    }

    @Test
    void excelErrorsAndUnsavedFormulaResultsAreMissingAndCounted() throws IOException {
        Path file = dir.resolve("errors.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("a");
            sheet.getRow(0).createCell(1).setCellValue("ratio");
            for (int r = 1; r <= 3; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r - 1);
                sheet.getRow(r).createCell(1).setCellFormula("10/A" + (r + 1));
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }

        CsvIngest.Result result = read(file);

        assertSameTable(
                result.table(),
                read(Files.writeString(dir.resolve("t.csv"), "a,ratio\n0,\n1,10\n2,5\n"))
                        .table());
        assertThat(result.table().column("ratio").isMissing(0)).isTrue();
        assertThat(result.report().warnings())
                .anySatisfy(w -> assertThat(w).contains("1 cell holds an Excel error", "B2", "#DIV/0!"));
    }

    @Test
    void aSheetThatReachesExcelsLastRowIsRefusedAsCut() throws IOException {
        Path file = dir.resolve("full.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("a");
            sheet.getRow(0).createCell(1).setCellValue("b");
            sheet.createRow(1).createCell(0).setCellValue(1);
            sheet.createRow(1_048_575).createCell(0).setCellValue(2);
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("full.xlsx, sheet 'Data': reaches row 1,048,576, Excel's last row");
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> new dev.assay.runner.engine.Engine(dev.assay.runner.core.EngineConfig.defaults())
                        .profile(file, out, dev.assay.runner.core.ProgressListener.NONE, SourceOptions.none()))
                .isInstanceOf(InputException.class);
        assertThat(out.resolve("profile.json")).doesNotExist();
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(out.resolve("cleaned.csv")).doesNotExist();
    }

    @Test
    void aZipThatIsNotAWorkbookButLooksLikeOneIsRefusedClearly() throws IOException {
        Path file = dir.resolve("broken.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("not xml at all".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("broken.xlsx: cannot be read as an Excel workbook");
    }

    @Test
    void anEncodingForAWorkbookIsRefused() throws IOException {
        Path file = workbook("sales.xlsx");

        assertThatThrownBy(() -> read(file, new SourceOptions(Optional.empty(), Optional.of("UTF-8"))))
                .hasMessageContaining("sales.xlsx: is an Excel workbook, whose text has no encoding");
    }
}
