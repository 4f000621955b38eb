package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.profile.IngestReport;
import dev.assay.model.profile.StrayValues;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.source.DecodedSource;
import dev.assay.runner.source.SourceDecoder;
import dev.assay.runner.source.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a CSV into a typed Tablesaw table. Usually in one pass: each column's type is settled on the first
 * {@link SampledTypes#SAMPLE_ROWS} rows and every later cell is checked against it as the columns are built
 * (integers widen to longs when they must). When a later cell fits no settled type (text under numbers, a
 * value in a column that was empty so far), the file is read again in two passes: the first settles each
 * column's type from all of its values, the second builds the columns. Both ways give the same table, warnings
 * and cleaned.csv; exact duplicate rows are dropped as the columns are built. Everything a person can get wrong in
 * a file ends as an {@link InputException} naming the file, the line and, where it applies, the column.
 */
public final class CsvIngest {

    /**
     * The table, how the file was read, and the columns kept as text because of a few stray values.
     *
     * @param layouts the date layout each date column was read with, by column name
     */
    public record Result(
            Table table, IngestReport report, Map<String, StrayValues> stray, Map<String, String> layouts) {}

    private final EngineConfig config;
    private final int sampleRows;
    /** The words this read takes as missing. */
    private final Markers markers;

    public CsvIngest(EngineConfig config) {
        this(config, SampledTypes.SAMPLE_ROWS);
    }

    /**
     * Settles the types on {@code sampleRows} rows in the one-pass read, or always reads in two passes when it is
     * 0: the tests compare the two ways, with small samples too.
     */
    CsvIngest(EngineConfig config, int sampleRows) {
        this(config, sampleRows, Markers.DEFAULT);
    }

    private CsvIngest(EngineConfig config, int sampleRows, Markers markers) {
        this(config, sampleRows, markers, false);
    }

    /** Reads the file from its start, once per pass of a read; see {@link CsvPass#bounded}. */
    private final CsvPass passes;

    private CsvIngest(EngineConfig config, int sampleRows, Markers markers, boolean bounded) {
        this.config = config;
        this.sampleRows = sampleRows;
        this.markers = markers;
        this.passes = new CsvPass(config, markers, bounded);
    }

    public Result read(Path file, String name, ProgressListener progress) {
        return read(file, name, progress, Optional.empty());
    }

    /**
     * Reads the file and, when {@code cleanedCsv} is given, writes the rows it keeps there as it goes (see
     * {@link CleanedCsvWriter}). That file is created once the types are settled, and deleted again when the read
     * then fails.
     */
    public Result read(Path file, String name, ProgressListener progress, Optional<Path> cleanedCsv) {
        return read(file, name, progress, cleanedCsv, SourceOptions.none());
    }

    /**
     * Reads any source the {@link SourceDecoder} knows (a workbook's sheet, a compressed CSV, text in another
     * encoding) through the same CSV read; the report says what was read and keeps the uploaded file's size.
     */
    public Result read(
            Path file, String name, ProgressListener progress, Optional<Path> cleanedCsv, SourceOptions options) {
        long started = System.nanoTime();
        progress.update(0, "opening the file");
        options.problem().ifPresent(problem -> {
            throw new InputException(name, "cannot be read as asked: " + problem);
        });
        try (DecodedSource source = new SourceDecoder(config).decode(file, name, options)) {
            CsvIngest reader = options.missingMarkers().isPresent()
                    ? new CsvIngest(config, sampleRows, new Markers(options.markers()))
                    : this;
            Result result = reader.readCsv(source.csv(), name, progress, cleanedCsv);
            IngestReport csv = result.report();
            List<String> warnings = new ArrayList<>(source.notes());
            warnings.addAll(csv.warnings());
            IngestReport report = new IngestReport(
                    csv.fileName(),
                    source.asUploaded() ? csv.bytes() : sizeOf(file),
                    csv.delimiter(),
                    csv.bom(),
                    csv.rowsRead(),
                    csv.duplicatesDropped(),
                    warnings,
                    (System.nanoTime() - started) / 1_000_000,
                    source.read(),
                    csv.missingWords(),
                    csv.repeatedRows(),
                    csv.missingMarkers());
            return new Result(result.table(), report, result.stray(), result.layouts());
        }
    }

    /** Rows per chunk of typed columns handed to {@link Chunks#chunk}: bounds the memory of a streaming read. */
    public static final int CHUNK_ROWS = 16_384;

    /** Turns rows as written into typed columns, with the types the streaming read settled. */
    public interface RowTyper {
        Table type(List<String[]> rows);
    }

    /** What a streaming read hands over, in file order; see {@link #stream}. */
    public interface Chunks {
        /** The column names, once the types are settled, and how to type rows kept aside (samples). */
        void columns(List<String> names, RowTyper typer);

        /** Every data row as written, with its {@link RowHash} (equal for rows the exact read takes as duplicates). */
        void row(String[] cells, long hash);

        /** The typed columns of the rows handed to {@link #row} since the previous chunk. */
        void chunk(Table rows);
    }

    /** How a streamed file was read: the report (no duplicates dropped), stray values and date layouts. */
    public record Streamed(IngestReport report, Map<String, StrayValues> stray, Map<String, String> layouts) {}

    /**
     * Reads a file of any size in bounded memory: a first pass settles each column's type from all of its values
     * (as the two-pass read does), a second hands the rows to {@code chunks} as typed columns of at most
     * {@link #CHUNK_ROWS} rows, never holding the table. Duplicate rows are kept (finding them exactly needs memory
     * in proportion to the file); cleaned.csv, when asked for, is written as the rows go.
     */
    public Streamed stream(
            Path file,
            String name,
            ProgressListener progress,
            Optional<Path> cleanedCsv,
            SourceOptions options,
            Chunks chunks) {
        long started = System.nanoTime();
        progress.update(0, "opening the file");
        options.problem().ifPresent(problem -> {
            throw new InputException(name, "cannot be read as asked: " + problem);
        });
        try (DecodedSource source = new SourceDecoder(config).decode(file, name, options)) {
            CsvIngest reader = new CsvIngest(
                    config,
                    sampleRows,
                    options.missingMarkers().isPresent() ? new Markers(options.markers()) : markers,
                    true);
            Streamed result = reader.streamCsv(source.csv(), name, progress, cleanedCsv, chunks);
            IngestReport csv = result.report();
            List<String> warnings = new ArrayList<>(source.notes());
            warnings.addAll(csv.warnings());
            IngestReport report = new IngestReport(
                    csv.fileName(),
                    source.asUploaded() ? csv.bytes() : sizeOf(file),
                    csv.delimiter(),
                    csv.bom(),
                    csv.rowsRead(),
                    0,
                    warnings,
                    (System.nanoTime() - started) / 1_000_000,
                    source.read(),
                    csv.missingWords(),
                    List.of(),
                    csv.missingMarkers());
            return new Streamed(report, result.stray(), result.layouts());
        }
    }

    private Streamed streamCsv(
            Path file, String name, ProgressListener progress, Optional<Path> cleanedCsv, Chunks chunks) {
        long started = System.nanoTime();
        // Tablesaw scans the class path when Table loads, which takes memory for a moment: done now, before the
        // read holds anything, rather than when the first chunk of columns is built.
        Table.create("warm-up");
        FileFormat format = FileFormat.sniff(file, name, config);
        List<String> warnings = new ArrayList<>();
        TypeScan scan = TypeScan.scan(passes, file, name, format, progress, 40, warnings);
        List<String> header = scan.header();
        List<ColumnGuess> guesses = scan.guesses();
        long rows = scan.rows();
        List<ColumnGuess.Decision> decisions = new ArrayList<>();
        Map<String, StrayValues> stray = new LinkedHashMap<>();
        Map<String, String> layouts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> missingWords = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            ColumnGuess.Decision decision = guesses.get(i).decide();
            decisions.add(decision);
            describe(header.get(i), decision, stray, layouts, missingWords, warnings);
        }
        RowTyper typer = sample -> {
            List<ColumnSink> sinks = sinks(header, decisions);
            for (String[] cells : sample) {
                for (int i = 0; i < cells.length; i++) {
                    sinks.get(i).stage(cells[i]);
                    sinks.get(i).commit();
                }
            }
            return Table.create(
                    tableName(name), sinks.stream().map(ColumnSink::column).toArray(Column<?>[]::new));
        };
        chunks.columns(List.copyOf(header), typer);
        List<ColumnType> types =
                sinks(header, decisions).stream().map(ColumnSink::type).toList();
        try (CleanedCsvWriter cleaned = cleanedCsv
                .map(path -> new CleanedCsvWriter(path, header, types, config.neutraliseFormulas(), markers))
                .orElse(null)) {
            final class Chunker implements CsvPass.RowHandler {
                private List<ColumnSink> sinks = sinks(header, decisions);
                private int size;

                @Override
                public void header(String[] cells) {}

                @Override
                public void row(String[] cells, long line, long hash) {
                    for (int i = 0; i < cells.length; i++) {
                        sinks.get(i).stage(cells[i]);
                        sinks.get(i).commit();
                    }
                    chunks.row(cells, hash);
                    if (cleaned != null) {
                        cleaned.write(cells);
                    }
                    if (++size == CHUNK_ROWS) {
                        flush();
                    }
                }

                void flush() {
                    if (size > 0) {
                        chunks.chunk(Table.create(
                                tableName(name),
                                sinks.stream().map(ColumnSink::column).toArray(Column<?>[]::new)));
                        size = 0;
                        sinks = sinks(header, decisions);
                    }
                }
            }
            Chunker chunker = new Chunker();
            long streamed = passes.read(file, name, format, progress, 40, 100, "reading values", true, false, chunker);
            chunker.flush();
            if (streamed != rows) {
                throw new InputException(name, "changed while it was read (" + rows + " rows, then " + streamed + ")");
            }
        }
        IngestReport report = new IngestReport(
                        name,
                        format.bytes(),
                        String.valueOf(format.delimiter()),
                        format.bom(),
                        rows,
                        0,
                        warnings,
                        (System.nanoTime() - started) / 1_000_000,
                        missingWords,
                        List.of())
                .withMarkers(markers.markers());
        return new Streamed(report, stray, layouts);
    }

    private List<ColumnSink> sinks(List<String> header, List<ColumnGuess.Decision> decisions) {
        List<ColumnSink> sinks = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            sinks.add(ColumnSink.of(header.get(i), decisions.get(i), markers));
        }
        return sinks;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Result readCsv(Path file, String name, ProgressListener progress, Optional<Path> cleanedCsv) {
        long started = System.nanoTime();
        TablesawWarmUp.start();
        FileFormat format = FileFormat.sniff(file, name, config);
        if (sampleRows > 0) {
            try {
                return readOnce(file, name, format, progress, cleanedCsv, started);
            } catch (ColumnSink.Misfit e) {
                // A later cell fits no type settled on the first rows: settle the types from all values instead.
            }
        }
        return readTwice(file, name, format, progress, cleanedCsv, started);
    }

    /** The one-pass read; throws {@link ColumnSink.Misfit} when the types settled on the first rows do not hold. */
    private Result readOnce(
            Path file,
            String name,
            FileFormat format,
            ProgressListener progress,
            Optional<Path> cleanedCsv,
            long started) {
        List<String> warnings = new ArrayList<>();
        progress.update(1, "reading the header");
        OnePass one = new OnePass(name, warnings, cleanedCsv, config, markers, sampleRows);
        long rows;
        try {
            rows = passes.read(file, name, format, progress, 0, 80, "reading values", config.dropDuplicates(), one);
            if (rows == 0) {
                throw new InputException(name, "has a header but no data rows");
            }
            one.settle();
            one.closeCleaned();
        } catch (OnePass.CannotCreateCleaned e) {
            throw e.cause;
        } catch (RuntimeException e) {
            // Unlike the two-pass read, this one has started cleaned.csv before knowing the whole file is usable.
            one.discardCleaned();
            throw e;
        }
        List<ColumnSink> sinks = one.sinks;
        Map<String, StrayValues> stray = new LinkedHashMap<>();
        Map<String, String> layouts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> missingWords = new LinkedHashMap<>();
        try {
            for (int i = 0; i < one.header.size(); i++) {
                describe(one.header.get(i), one.types.settled(i), stray, layouts, missingWords, warnings);
            }
        } catch (ColumnSink.Misfit e) {
            one.discardCleaned();
            throw e;
        }
        return result(name, format, sinks, one.dedup, rows, warnings, stray, layouts, missingWords, started);
    }

    /** The two-pass read: types from all values, then the columns. */
    private Result readTwice(
            Path file,
            String name,
            FileFormat format,
            ProgressListener progress,
            Optional<Path> cleanedCsv,
            long started) {
        List<String> warnings = new ArrayList<>();

        TypeScan scan = TypeScan.scan(passes, file, name, format, progress, 45, warnings);
        List<String> header = scan.header();
        List<ColumnGuess> guesses = scan.guesses();
        long rows = scan.rows();

        List<ColumnSink> sinks = new ArrayList<>();
        Map<String, StrayValues> stray = new LinkedHashMap<>();
        Map<String, String> layouts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> missingWords = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            ColumnGuess.Decision decision = guesses.get(i).decide();
            String column = header.get(i);
            sinks.add(ColumnSink.of(column, decision, markers));
            describe(column, decision, stray, layouts, missingWords, warnings);
        }

        DuplicateRows dedup = new DuplicateRows(sinks, config.dropDuplicates());
        List<ColumnType> types = sinks.stream().map(ColumnSink::type).toList();
        try (CleanedCsvWriter cleaned = cleanedCsv
                .map(path -> new CleanedCsvWriter(path, header, types, config.neutraliseFormulas(), markers))
                .orElse(null)) {
            passes.read(
                    file,
                    name,
                    format,
                    progress,
                    45,
                    80,
                    "reading values",
                    config.dropDuplicates(),
                    new CsvPass.RowHandler() {
                        @Override
                        public void header(String[] cells) {}

                        @Override
                        public void started(RowFeed feed) {
                            feed.shareText(textColumns(sinks));
                        }

                        @Override
                        public void row(String[] cells, long line, long hash) {
                            row(cells, line, hash, -1);
                        }

                        @Override
                        public void row(String[] cells, long line, long hash, int first) {
                            if (dedup.offer(cells, first) && cleaned != null) {
                                cleaned.write(cells);
                            }
                        }
                    });
        }

        return result(name, format, sinks, dedup, rows, warnings, stray, layouts, missingWords, started);
    }

    /** What a column's decision tells the person: stray values, the date layout, a warning. */
    private static void describe(
            String column,
            ColumnGuess.Decision decision,
            Map<String, StrayValues> stray,
            Map<String, String> layouts,
            Map<String, Map<String, Long>> missingWords,
            List<String> warnings) {
        if (!decision.missingWords().isEmpty()) {
            missingWords.put(column, decision.missingWords());
        }
        decision.stray().ifPresent(s -> {
            stray.put(column, s);
            warnings.add("column '" + column + "' is mostly " + s.dominant().wireName() + " but has " + s.count()
                    + " other value" + (s.count() == 1 ? "" : "s") + " (e.g. '"
                    + s.examples().getFirst()
                    + "'); it is kept as text so nothing is lost");
        });
        decision.layout().ifPresent(l -> layouts.put(column, l.name()));
        decision.warning().ifPresent(w -> warnings.add("column '" + column + "': " + w));
    }

    private Result result(
            String name,
            FileFormat format,
            List<ColumnSink> sinks,
            DuplicateRows dedup,
            long rows,
            List<String> warnings,
            Map<String, StrayValues> stray,
            Map<String, String> layouts,
            Map<String, Map<String, Long>> missingWords,
            long started) {
        Table table = Table.create(
                tableName(name), sinks.stream().map(ColumnSink::column).toArray(Column<?>[]::new));
        if (dedup.dropped() > 0) {
            warnings.add(
                    dedup.dropped() + " exact duplicate row" + (dedup.dropped() == 1 ? " was" : "s were") + " dropped");
        }
        List<IngestReport.RepeatedRow> repeated = new ArrayList<>();
        for (int[] rowAndCount : dedup.mostRepeated(10)) {
            List<String> values = new ArrayList<>();
            for (Column<?> column : table.columns()) {
                values.add(column.isMissing(rowAndCount[0]) ? "" : column.getString(rowAndCount[0]));
            }
            repeated.add(new IngestReport.RepeatedRow(values, rowAndCount[1]));
        }
        IngestReport report = new IngestReport(
                        name,
                        format.bytes(),
                        String.valueOf(format.delimiter()),
                        format.bom(),
                        rows,
                        dedup.dropped(),
                        warnings,
                        (System.nanoTime() - started) / 1_000_000,
                        missingWords,
                        repeated)
                .withMarkers(markers.markers());
        return new Result(table, report, stray, layouts);
    }

    private static String tableName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? fileName.substring(0, fileName.length() - 4)
                : fileName;
    }

    /** Which of the sinks' columns hold text, for {@link RowFeed#shareText}. */
    static boolean[] textColumns(List<ColumnSink> sinks) {
        boolean[] text = new boolean[sinks.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = sinks.get(i).type() == ColumnType.STRING;
        }
        return text;
    }
}
