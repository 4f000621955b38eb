package dev.assay.runner.source;

import dev.assay.model.profile.SourceRead;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layer in front of the CSV ingest: decides what a file is from its content (never its name), and turns
 * gzip and zip archives, Excel workbooks, Parquet files and text in any common encoding into the UTF-8 CSV the
 * ingest reads, so every format gets the same types, alerts and report. A UTF-8 CSV passes through untouched
 * (no copy). Every step is bounded by the engine's file limit; anything a person can fix is an
 * {@link InputException} naming the file, and the sheet or archive entry where it applies.
 */
public final class SourceDecoder {

    /** How much more room an .xlsx's XML may take than the table it holds. */
    private static final int XML_PER_CSV_BYTE = 8;

    private final EngineConfig config;

    public SourceDecoder(EngineConfig config) {
        this.config = config;
    }

    public DecodedSource decode(Path file, String name, SourceOptions options) {
        options.problem().ifPresent(problem -> {
            throw new InputException(name, problem);
        });
        List<Path> temporary = new ArrayList<>();
        try {
            return decode(file, name, options, temporary);
        } catch (RuntimeException | Error e) {
            new DecodedSource(file, SourceRead.utf8Csv(false), List.of(), temporary).close();
            throw e;
        }
    }

    private DecodedSource decode(Path file, String name, SourceOptions options, List<Path> temporary) {
        long size = size(file, name);
        if (size == 0) {
            throw new InputException(name, "is empty");
        }
        if (size > config.maxFileBytes()) {
            throw new InputException(
                    name,
                    "is " + Archives.megabytes(size) + "; the limit is " + Archives.megabytes(config.maxFileBytes()));
        }
        SourceKind kind = SourceKind.of(head(file, name));
        return switch (kind) {
            case GZIP -> {
                Path inner = temp(temporary, ".csv");
                Archives.gunzip(file, name, inner, config.maxFileBytes());
                yield text(inner, name, options, Optional.of("gzip"), Optional.empty(), temporary);
            }
            case ZIP -> {
                if (Archives.isWorkbook(file, name)) {
                    yield workbook(file, name, options, temporary);
                }
                Path inner = temp(temporary, ".csv");
                String entry = Archives.unzipOne(file, name, inner, config.maxFileBytes());
                yield text(
                        inner, name + " (" + entry + ")", options, Optional.of("zip"), Optional.of(entry), temporary);
            }
            case PARQUET -> parquet(file, name, options, temporary);
            case TEXT -> text(file, name, options, Optional.empty(), Optional.empty(), temporary);
            default ->
                throw new InputException(
                        name,
                        "is " + kind.description() + ", not a table Assay can read " + "(" + SourceKind.ACCEPTED + ")");
        };
    }

    private DecodedSource workbook(Path file, String name, SourceOptions options, List<Path> temporary) {
        if (options.encoding().isPresent()) {
            throw new InputException(
                    name, "is an Excel workbook, whose text has no encoding to choose; leave the " + "encoding out");
        }
        Archives.checkWorkbookParts(file, name, saturatedTimes(config.maxFileBytes(), XML_PER_CSV_BYTE));
        Path csv = temp(temporary, ".csv");
        Workbooks.Read read = Workbooks.toCsv(file, name, options.sheet(), csv, config.maxFileBytes());
        return new DecodedSource(
                csv,
                new SourceRead(
                        SourceRead.XLSX,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(read.sheet()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                read.notes(),
                temporary);
    }

    private DecodedSource parquet(Path file, String name, SourceOptions options, List<Path> temporary) {
        if (options.sheet().isPresent()) {
            throw new InputException(name, "is a Parquet file, not a workbook: it has no sheets; leave the sheet out");
        }
        if (options.encoding().isPresent()) {
            throw new InputException(name, "is a Parquet file, whose text is always UTF-8; leave the encoding out");
        }
        Path csv = temp(temporary, ".csv");
        ParquetFiles.Read read = ParquetFiles.toCsv(file, name, csv, config.maxFileBytes());
        return new DecodedSource(
                csv,
                new SourceRead(
                        SourceRead.PARQUET,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                read.notes(),
                temporary);
    }

    private DecodedSource text(
            Path file,
            String name,
            SourceOptions options,
            Optional<String> compression,
            Optional<String> entry,
            List<Path> temporary) {
        if (options.sheet().isPresent()) {
            throw new InputException(name, "is a text file, not a workbook: it has no sheets; leave the sheet out");
        }
        SourceKind inner = SourceKind.of(head(file, name));
        if (inner != SourceKind.TEXT) {
            throw new InputException(
                    name,
                    "holds " + inner.description() + " inside its " + compression.orElse("")
                            + " archive; Assay reads a CSV inside gzip or zip");
        }
        Optional<Charset> given = options.charset();
        TextEncoding.Choice choice = TextEncoding.choose(file, name, given);
        Path csv = file;
        List<String> notes = new ArrayList<>();
        // UTF-8 is read as it is; a given UTF-8 that is not is refused by the ingest, naming the line.
        if (!choice.isUtf8()) {
            csv = temp(temporary, ".csv");
            TextEncoding.transcode(file, name, choice, csv, config.maxFileBytes());
        }
        if (choice.basis().equals(TextEncoding.DETECTED) && choice.confidence().orElse(100) < 50) {
            notes.add("the encoding " + choice.charset().name() + " was detected with low confidence ("
                    + choice.confidence().orElse(0) + " %); if accented letters look wrong, give the encoding");
        }
        SourceRead read = new SourceRead(
                SourceRead.CSV,
                compression,
                entry,
                Optional.empty(),
                Optional.of(choice.charset().name()),
                Optional.of(choice.basis()),
                choice.confidence());
        return new DecodedSource(csv, read, notes, temporary);
    }

    private static long saturatedTimes(long value, int factor) {
        return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : value * factor;
    }

    private static Path temp(List<Path> temporary, String suffix) {
        try {
            Path file = Files.createTempFile("assay-source-", suffix);
            temporary.add(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file to decode the upload", e);
        }
    }

    private static long size(Path file, String name) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] head(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
