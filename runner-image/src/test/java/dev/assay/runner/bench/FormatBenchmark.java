package dev.assay.runner.bench;

import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.ingest.CsvIngest;
import dev.assay.runner.source.SourceOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Benchmark (not a test): ingest speed of one generated table in each source format against its UTF-8 CSV
 * (rows per second of {@link CsvIngest#read}, decoding included, best of a few rounds over all files after a warm-up).
 *
 * <pre>java -cp RUNNER_CP dev.assay.runner.bench.FormatBenchmark [--rows N] [--runs N] [--dir DIR]</pre>
 */
public final class FormatBenchmark {

    public static void main(String[] args) throws IOException {
        int rows = 200_000;
        int runs = 3;
        Path dir = Path.of("target/bench-formats");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        List<String[]> table = table(rows);
        String csv = csv(table);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("data.csv"), csv, StandardCharsets.UTF_8));
        files.add(Files.writeString(dir.resolve("data-1252.csv"), csv, Charset.forName("windows-1252")));
        Path utf16 = dir.resolve("data-utf16.csv");
        Files.write(utf16, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE));
        files.add(utf16);
        Path gz = dir.resolve("data.csv.gz");
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gz)), StandardCharsets.UTF_8)) {
            out.write(csv);
        }
        files.add(gz);
        Path zip = dir.resolve("data.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("data.csv"));
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        files.add(zip);
        files.add(xlsx(table, dir.resolve("data.xlsx")));
        files.add(parquet(files.getFirst(), dir.resolve("data.parquet"), "SNAPPY"));
        files.add(parquet(files.getFirst(), dir.resolve("data-zstd.parquet"), "ZSTD"));

        CsvIngest ingest = new CsvIngest(EngineConfig.defaults());
        // Rounds over every file, so the JIT has warmed up alike for all of them; the best round counts.
        long[] best = new long[files.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        CsvIngest.Result[] results = new CsvIngest.Result[files.size()];
        for (int round = 0; round <= runs; round++) {
            for (int f = 0; f < files.size(); f++) {
                Path file = files.get(f);
                long start = System.nanoTime();
                results[f] = ingest.read(
                        file,
                        file.getFileName().toString(),
                        ProgressListener.NONE,
                        Optional.empty(),
                        SourceOptions.none());
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (round > 0) {
                    best[f] = Math.min(best[f], millis);
                }
                if (results[f].table().rowCount() != rows) {
                    throw new IllegalStateException(
                            file + " read " + results[f].table().rowCount() + " rows, not " + rows);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d rows × %d columns; best of %d rounds over all files after a warm-up round%n",
                rows,
                table.getFirst().length,
                runs);
        System.out.printf(
                Locale.ROOT,
                "%-16s %10s %10s %12s %8s  %s%n",
                "file",
                "size",
                "best ms",
                "rows/s",
                "vs csv",
                "read as");
        double csvRate = rows * 1000.0 / Math.max(1, best[0]);
        for (int f = 0; f < files.size(); f++) {
            double rate = rows * 1000.0 / Math.max(1, best[f]);
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %9.1fM %10d %,12.0f %7.2fx  %s%n",
                    files.get(f).getFileName(),
                    Files.size(files.get(f)) / 1e6,
                    best[f],
                    rate,
                    rate / csvRate,
                    results[f].report().source().describe());
        }
    }

    private static List<String[]> table(int rows) {
        Random random = new Random(42);
        String[] cities = {"Zürich", "Besançon", "Köln", "São Paulo", "Malmö", "Reykjavík", "Łódź", "Oslo"};
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"id", "city", "day", "amount", "count", "flag", "note", "score"});
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < rows; i++) {
            String city = cities[random.nextInt(cities.length)];
            // Łódź is not in windows-1252; keep every format able to hold the same data.
            city = city.equals("Łódź") ? "Lodz" : city;
            table.add(new String[] {
                String.valueOf(i),
                city,
                start.plusDays(random.nextInt(2000)).toString(),
                String.format(Locale.ROOT, "%.2f", random.nextDouble() * 1000),
                String.valueOf(random.nextInt(50)),
                random.nextBoolean() ? "true" : "false",
                "note " + Integer.toHexString(random.nextInt()),
                String.format(Locale.ROOT, "%.4f", random.nextGaussian())
            });
        }
        return table;
    }

    private static String csv(List<String[]> table) {
        StringBuilder out = new StringBuilder();
        for (String[] row : table) {
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    /**
     * The same table as Parquet, written by DuckDB from the CSV as a person would convert it: typed columns (BIGINT,
     * VARCHAR, DATE, DOUBLE, BOOLEAN), DuckDB's row groups and dictionary pages, the given codec.
     */
    private static Path parquet(Path csv, Path file, String codec) throws IOException {
        Files.deleteIfExists(file);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv.toAbsolutePath() + "')) TO '"
                    + file.toAbsolutePath() + "' (FORMAT parquet, COMPRESSION " + codec + ")");
        } catch (java.sql.SQLException e) {
            throw new IOException("DuckDB could not write " + file, e);
        }
        return file;
    }

    /** The same table as a workbook: numbers as numbers, days as date serials with a date format. */
    private static Path xlsx(List<String[]> table, Path file) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(1000)) {
            Sheet sheet = book.createSheet("data");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < table.size(); r++) {
                String[] cells = table.get(r);
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (r == 0 || c == 1 || c == 6) {
                        row.createCell(c).setCellValue(cells[c]);
                    } else if (c == 2) {
                        row.createCell(c).setCellValue(LocalDate.parse(cells[c]));
                        row.getCell(c).setCellStyle(date);
                    } else if (c == 5) {
                        row.createCell(c).setCellValue(Boolean.parseBoolean(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        return file;
    }
}
