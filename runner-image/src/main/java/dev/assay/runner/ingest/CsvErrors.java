package dev.assay.runner.ingest;

import com.univocity.parsers.common.TextParsingException;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;
import java.util.OptionalLong;

/** The CSV parser's failures as messages that tell a person what is wrong with their file. */
final class CsvErrors {

    private CsvErrors() {}

    static InputException translate(TextParsingException e, String name, EngineConfig config) {
        OptionalLong line = OptionalLong.of(e.getLineIndex() + 1);
        String message = String.valueOf(e.getMessage());
        if (message.contains("exceeds the maximum number of characters")) {
            // The parser cannot tell a value that long from a quote never closed (which runs on into the following
            // lines); both are named, so nobody hunts for a quote in a file that has none, or misses one that is there.
            return new InputException(
                    name,
                    line,
                    Optional.empty(),
                    "has a cell longer than " + config.maxCellChars() + " characters: a value that long (shorten it or "
                            + "split it into columns), or a quote opened and never closed that runs on into the "
                            + "following lines");
        }
        if (message.contains("exceeded limit of")) {
            return new InputException(
                    name, line, Optional.empty(), "has more than " + config.maxColumns() + " fields in a row");
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new InputException(
                        name, line, Optional.empty(), "is not UTF-8 text; save it as UTF-8 and upload it again");
            }
        }
        return new InputException(name, line, Optional.empty(), "cannot be read as CSV");
    }

    static InputException translate(IOException e, String name) {
        if (e instanceof CharacterCodingException) {
            return new InputException(name, "is not UTF-8 text; save it as UTF-8 and upload it again");
        }
        throw new UncheckedIOException("cannot read " + name, e);
    }
}
