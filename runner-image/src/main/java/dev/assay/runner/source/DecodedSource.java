package dev.assay.runner.source;

import dev.assay.model.profile.SourceRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A source made readable by the CSV ingest: a UTF-8 CSV (the file itself when it already was one, else a
 * temporary file deleted on {@link #close()}), with what was read and what a person should know about it.
 *
 * @param csv       the UTF-8 CSV to ingest
 * @param read      format, sheet, archive entry and encoding, for the profile
 * @param notes     things noticed while decoding (sheets not read, title rows skipped, Excel errors)
 * @param temporary the files to delete when done
 */
public record DecodedSource(Path csv, SourceRead read, List<String> notes, List<Path> temporary)
        implements AutoCloseable {

    public DecodedSource {
        notes = List.copyOf(notes);
        temporary = List.copyOf(temporary);
    }

    /** Whether the engine reads the uploaded file itself (a UTF-8 CSV). */
    public boolean asUploaded() {
        return temporary.isEmpty();
    }

    @Override
    public void close() {
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Best effort: a temporary file in the scratch folder, removed with it.
            }
        }
    }
}
