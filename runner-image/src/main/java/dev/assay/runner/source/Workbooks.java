package dev.assay.runner.source;

import dev.assay.runner.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One worksheet of an .xlsx workbook as CSV text, streamed row by row (fastexcel-reader never holds the sheet).
 * Cells become the text the CSV ingest would read in an export: numbers in plain notation, dates (serial numbers
 * with a date format) as ISO dates, formulas as the result Excel saved with them, booleans as true/false. A merged
 * range keeps its value in its first cell, as Excel stores it; the other cells read as missing. The header is the
 * first row about as wide as the table (title rows above it are skipped and reported); empty rows and columns
 * around the table are dropped.
 */
final class Workbooks {

    /** Excel's last row: a sheet that reaches it was most likely cut when it was saved. */
    static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Rows looked at to find the header. */
    private static final int HEADER_SEARCH = 25;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** The sheet that was read and what a person should know about reading it. */
    record Read(String sheet, List<String> notes) {}

    private Workbooks() {}

    static Read toCsv(Path file, String name, Optional<String> sheetName, Path target, long maxBytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
            Sheet sheet = sheetName
                    .map(s -> workbook.findSheet(s)
                            .orElseThrow(() -> new InputException(
                                    name, "has no sheet named '" + s + "'; its sheets are " + quoted(sheets))))
                    .orElseGet(workbook::getFirstSheet);
            String where = name + ", sheet '" + sheet.getName() + "'";
            List<String> notes = new ArrayList<>();
            if (sheets.size() > 1 && sheetName.isEmpty()) {
                notes.add("the workbook has " + sheets.size() + " sheets (" + quoted(sheets) + "); the first, '"
                        + sheet.getName() + "', was read; choose another with the sheet option");
            }
            try (Stream<Row> rows = sheet.openStream();
                    CsvOut out = new CsvOut(target, where, maxBytes)) {
                new SheetWriter(where, workbook.isDate1904(), out, notes).write(rows.iterator());
            }
            return new Read(sheet.getName(), notes);
        } catch (ExcelReaderException | IllegalStateException e) {
            throw new InputException(name, "cannot be read as an Excel workbook (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (e.getClass().getName().contains("zip") || e instanceof java.util.zip.ZipException) {
                throw new InputException(name, "cannot be read as an Excel workbook (" + e.getMessage() + ")");
            }
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String quoted(List<String> sheets) {
        return String.join(", ", sheets.stream().map(s -> "'" + s + "'").toList());
    }

    /** Turns the rows of one sheet into the CSV's rows. */
    private static final class SheetWriter {
        private final String where;
        private final boolean date1904;
        private final CsvOut out;
        private final List<String> notes;
        private int left;
        private int right;
        private long errors;
        private String firstError = "";
        private long uncalculated;
        private long outside;
        private String firstOutside = "";

        SheetWriter(String where, boolean date1904, CsvOut out, List<String> notes) {
            this.where = where;
            this.date1904 = date1904;
            this.out = out;
            this.notes = notes;
        }

        void write(Iterator<Row> rows) {
            List<Row> head = new ArrayList<>();
            List<List<String>> headCells = new ArrayList<>();
            while (rows.hasNext() && head.size() < HEADER_SEARCH) {
                Row row = guard(rows.next());
                List<String> cells = cells(row);
                if (nonEmpty(cells) > 0) {
                    head.add(row);
                    headCells.add(cells);
                }
            }
            if (head.isEmpty()) {
                throw new InputException(where, "is empty");
            }
            int widest =
                    headCells.stream().mapToInt(SheetWriter::nonEmpty).max().orElse(0);
            int headerAt = 0;
            while (nonEmpty(headCells.get(headerAt)) < Math.max(1, (widest + 1) / 2)) {
                headerAt++;
            }
            if (headerAt > 0) {
                notes.add("row" + (headerAt == 1 ? " " : "s ") + head.getFirst().getRowNum()
                        + (headerAt == 1 ? "" : "–" + head.get(headerAt - 1).getRowNum())
                        + " above the header (row " + head.get(headerAt).getRowNum() + ") "
                        + (headerAt == 1 ? "was" : "were")
                        + " skipped (e.g. '" + first(headCells.getFirst()) + "')");
            }
            List<String> header = headCells.get(headerAt);
            left = 0;
            while (header.get(left).isEmpty()) {
                left++;
            }
            right = header.size() - 1;
            while (header.get(right).isEmpty()) {
                right--;
            }
            for (int i = headerAt; i < head.size(); i++) {
                emit(head.get(i), headCells.get(i));
            }
            while (rows.hasNext()) {
                Row row = guard(rows.next());
                List<String> cells = cells(row);
                if (nonEmpty(cells) > 0) {
                    emit(row, cells);
                }
            }
            if (errors > 0) {
                notes.add(errors + " cell" + (errors == 1 ? " holds" : "s hold") + " an Excel error (first: "
                        + firstError + "); read as missing");
            }
            if (uncalculated > 0) {
                notes.add(uncalculated + " formula cell" + (uncalculated == 1 ? " has" : "s have") + " no saved result "
                        + "(the workbook was saved without calculating); read as missing");
            }
            if (outside > 0) {
                notes.add(outside + " cell" + (outside == 1 ? "" : "s") + " outside the header's columns (first: "
                        + firstOutside + ") " + (outside == 1 ? "was" : "were")
                        + " not read: give those columns a name "
                        + "in the header row to read them");
            }
        }

        private Row guard(Row row) {
            if (row.getRowNum() >= EXCEL_MAX_ROWS) {
                throw new InputException(
                        where,
                        "reaches row " + String.format(Locale.ROOT, "%,d", EXCEL_MAX_ROWS)
                                + ", Excel's last row: the data was most likely cut when it was saved in Excel; export the "
                                + "complete data as CSV instead");
            }
            return row;
        }

        private void emit(Row row, List<String> cells) {
            for (int i = 0; i < cells.size(); i++) {
                if ((i < left || i > right) && !cells.get(i).isEmpty()) {
                    if (outside++ == 0) {
                        firstOutside = address(i, row.getRowNum());
                    }
                }
            }
            List<String> kept = new ArrayList<>(right - left + 1);
            for (int i = left; i <= right; i++) {
                kept.add(i < cells.size() ? cells.get(i) : "");
            }
            out.row(kept);
        }

        private List<String> cells(Row row) {
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i), row.getRowNum()));
            }
            return cells;
        }

        private String text(Cell cell, int rowNum) {
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return "";
            }
            if (cell.getType() == CellType.ERROR) {
                if (errors++ == 0) {
                    firstError = address(cell.getColumnIndex(), rowNum) + " " + cell.getRawValue();
                }
                return "";
            }
            Object value = cell.getValue();
            if (value == null) {
                if (cell.getType() == CellType.FORMULA) {
                    uncalculated++;
                }
                return "";
            }
            return switch (value) {
                case BigDecimal number -> number(cell, number);
                case Boolean b -> b ? "true" : "false";
                default -> {
                    String s = value.toString();
                    if (cell.getType() == CellType.FORMULA && s.startsWith("#")) {
                        if (errors++ == 0) {
                            firstError = address(cell.getColumnIndex(), rowNum) + " " + s;
                        }
                        yield "";
                    }
                    yield s;
                }
            };
        }

        private String number(Cell cell, BigDecimal number) {
            DateKind kind = DateKind.of(cell.getDataFormatId(), cell.getDataFormatString());
            if (kind == DateKind.NONE) {
                return number.stripTrailingZeros().toPlainString();
            }
            LocalDateTime time = serial(number);
            return switch (kind) {
                case DATE -> time.format(DATE);
                case DATE_TIME -> time.format(DATE_TIME);
                case TIME -> time.format(TIME);
                case NONE -> number.toPlainString();
            };
        }

        /** Excel's serial day number (days since 1899-12-30, or 1904-01-01) as a date and time, to the second. */
        private LocalDateTime serial(BigDecimal number) {
            double value = number.doubleValue();
            long days = (long) Math.floor(value);
            long seconds = Math.round((value - days) * 86_400);
            LocalDateTime epoch = date1904 ? LocalDateTime.of(1904, 1, 1, 0, 0) : LocalDateTime.of(1899, 12, 30, 0, 0);
            if (!date1904 && days < 61) {
                // Excel counts 1900-02-29, which never was: serials before March 1900 are one day later.
                days += 1;
            }
            return epoch.plusDays(days).plusSeconds(seconds);
        }

        private static int nonEmpty(List<String> cells) {
            int n = 0;
            for (String cell : cells) {
                if (!cell.isEmpty()) {
                    n++;
                }
            }
            return n;
        }

        private static String first(List<String> cells) {
            return cells.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
        }

        private static String address(int column, int row) {
            StringBuilder letters = new StringBuilder();
            for (int c = column + 1; c > 0; c = (c - 1) / 26) {
                letters.insert(0, (char) ('A' + (c - 1) % 26));
            }
            return letters.toString() + row;
        }
    }

    /** What a number format shows: a plain number, a date, a date and time, or a time of day. */
    enum DateKind {
        NONE,
        DATE,
        DATE_TIME,
        TIME;

        static DateKind of(Integer id, String format) {
            if (id != null) {
                switch (id) {
                    case 14, 15, 16, 17 -> {
                        return DATE;
                    }
                    case 22 -> {
                        return DATE_TIME;
                    }
                    case 18, 19, 20, 21, 45, 46, 47 -> {
                        return TIME;
                    }
                    default -> {}
                }
            }
            if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
                return NONE;
            }
            // Quoted text, escaped characters and [colour]/[$-locale] sections carry no date parts.
            String bare = format.replaceAll("\"[^\"]*\"", "")
                    .replaceAll("\\\\.", "")
                    .replaceAll("\\[[^]]*]", "")
                    .toLowerCase(Locale.ROOT);
            if (bare.contains(";")) {
                bare = bare.substring(0, bare.indexOf(';'));
            }
            boolean date = bare.indexOf('y') >= 0 || bare.indexOf('d') >= 0;
            boolean time = bare.indexOf('h') >= 0 || bare.indexOf('s') >= 0;
            if (date && time) {
                return DATE_TIME;
            }
            if (date || (bare.indexOf('m') >= 0 && !time && !bare.contains("0"))) {
                return DATE;
            }
            return time ? TIME : NONE;
        }
    }
}
