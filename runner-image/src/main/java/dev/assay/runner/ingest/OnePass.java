package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import dev.assay.runner.core.EngineConfig;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Row handler of the one-pass read: keeps the first rows while their values settle the types, then builds the
 * columns from them and from every later row.
 */
final class OnePass implements CsvPass.RowHandler {
    private final String name;
    private final List<String> warnings;
    private final Optional<Path> cleanedCsv;
    private final EngineConfig config;
    private final Markers markers;
    private final int sampleRows;
    final List<String> header = new ArrayList<>();
    private final List<ColumnGuess> guesses = new ArrayList<>();
    private List<String[]> sample = new ArrayList<>();
    private IntArrayList sampleFirsts = new IntArrayList();
    SampledTypes types;
    List<ColumnSink> sinks;
    DuplicateRows dedup;
    private CleanedCsvWriter cleaned;
    private RowFeed feed;

    OnePass(
            String name,
            List<String> warnings,
            Optional<Path> cleanedCsv,
            EngineConfig config,
            Markers markers,
            int sampleRows) {
        this.name = name;
        this.warnings = warnings;
        this.cleanedCsv = cleanedCsv;
        this.config = config;
        this.markers = markers;
        this.sampleRows = sampleRows;
    }

    @Override
    public void header(String[] cells) {
        TypeScan.readHeader(cells, name, config.maxColumns(), markers, warnings, header, guesses);
    }

    @Override
    public void started(RowFeed feed) {
        this.feed = feed;
    }

    @Override
    public void row(String[] cells, long line, long hash) {
        row(cells, line, hash, -1);
    }

    @Override
    public void row(RowFeed.Batch batch, int i) {
        if (types == null) {
            row(batch.rows[i], batch.lines[i], batch.hashes[i], batch.firsts[i]);
            return;
        }
        String[] cells = batch.rows[i];
        types.observe(cells);
        if (dedup.offer(cells, batch.firsts[i]) && cleaned != null) {
            cleaned.write(batch, i);
        }
    }

    @Override
    public void row(String[] cells, long line, long hash, int first) {
        if (types == null) {
            for (int i = 0; i < cells.length; i++) {
                guesses.get(i).add(cells[i]);
            }
            sample.add(cells);
            sampleFirsts.add(first);
            if (sample.size() == sampleRows) {
                settle();
            }
        } else {
            types.observe(cells);
            keep(cells, first);
        }
    }

    /** Settles the types on the rows kept so far and builds the columns from them; once. */
    void settle() {
        if (types != null) {
            return;
        }
        types = new SampledTypes(guesses);
        sinks = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            sinks.add(ColumnSink.of(header.get(i), types.sampled(i), markers));
        }
        dedup = new DuplicateRows(sinks, config.dropDuplicates());
        if (feed != null) {
            feed.shareText(CsvIngest.textColumns(sinks));
        }
        List<ColumnType> columnTypes = sinks.stream().map(ColumnSink::type).toList();
        try {
            cleaned = cleanedCsv
                    .map(path -> new CleanedCsvWriter(path, header, columnTypes, config.neutraliseFormulas(), markers))
                    .orElse(null);
        } catch (UncheckedIOException e) {
            // Out of the pass unchanged ("cannot write ..."), as when the two-pass read creates the file.
            throw new CannotCreateCleaned(e);
        }
        if (feed != null && cleaned != null) {
            feed.format(cleaned.line());
        }
        for (int i = 0; i < sample.size(); i++) {
            keep(sample.get(i), sampleFirsts.getInt(i));
        }
        sample = null;
        sampleFirsts = null;
    }

    private void keep(String[] cells, int first) {
        if (dedup.offer(cells, first) && cleaned != null) {
            cleaned.write(cells);
        }
    }

    void closeCleaned() {
        if (cleaned != null) {
            cleaned.close();
        }
    }

    void discardCleaned() {
        if (cleaned == null) {
            return;
        }
        try {
            cleaned.close();
        } catch (UncheckedIOException e) {
            // Being thrown away anyway.
        }
        cleanedCsv.ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort: the file is overwritten by the next read, or deleted by the pipeline.
            }
        });
    }

    /**
     * Carries cleaned.csv's creation error past {@link CsvPass#read}, which would report it as an error reading the
     * input.
     */
    static final class CannotCreateCleaned extends RuntimeException {
        final UncheckedIOException cause;

        CannotCreateCleaned(UncheckedIOException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
