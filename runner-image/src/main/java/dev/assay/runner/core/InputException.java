package dev.assay.runner.core;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bad input a person can fix (a malformed file, a limit exceeded, a value that cannot be used). Its message
 * is shown as is, so it names the file, line and column where known; it never carries a stack trace to
 * the user. Anything else thrown by the engine is a bug.
 */
public class InputException extends RuntimeException {

    private final String file;
    private final OptionalLong line;
    private final Optional<String> column;

    public InputException(String file, OptionalLong line, Optional<String> column, String message) {
        super(describe(file, line, column, message));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public InputException(String file, String message) {
        this(file, OptionalLong.empty(), Optional.empty(), message);
    }

    public String file() {
        return file;
    }

    public OptionalLong line() {
        return line;
    }

    public Optional<String> column() {
        return column;
    }

    private static String describe(String file, OptionalLong line, Optional<String> column, String message) {
        StringBuilder where = new StringBuilder(file);
        line.ifPresent(l -> where.append(", line ").append(l));
        column.ifPresent(c -> where.append(", column '").append(c).append("'"));
        return where + ": " + message;
    }
}
