package dev.assay.runner.actions;

import dev.assay.model.plan.params.CastParams;
import dev.assay.runner.table.Columns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * cast: converts columns to int, float, datetime, string or boolean. A value that cannot be converted becomes
 * missing; how many, with examples, goes into the step's warnings. Nothing is silently guessed: a fractional
 * number cast to int is rounded and counted too.
 */
final class CastAction implements DataAction<CastParams> {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "f", "0");
    /** Tried in order when the plan gives no format; the one that reads the most values wins. */
    private static final List<String> DATE_PATTERNS = List.of(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS]",
            "yyyy-MM-dd HH:mm:ss[.SSS]",
            "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd",
            "yyyy/MM/dd HH:mm:ss",
            "yyyy/MM/dd",
            "dd/MM/yyyy HH:mm:ss",
            "dd/MM/yyyy HH:mm",
            "dd/MM/yyyy",
            "MM/dd/yyyy HH:mm:ss",
            "MM/dd/yyyy HH:mm",
            "MM/dd/yyyy",
            "dd.MM.yyyy",
            "dd-MM-yyyy",
            "yyyyMMdd",
            "d MMM yyyy",
            "MMM d, yyyy");

    private static final int FORMAT_SAMPLE = 500;

    /** Failures of one column: how many and a few examples. */
    private static final class Failures {
        long count;
        long rounded;
        final List<String> examples = new ArrayList<>();

        void add(String value) {
            count++;
            if (examples.size() < 5) {
                examples.add(value);
            }
        }
    }

    @Override
    public Table apply(Table table, CastParams params, ActionContext context, ActionLog log) {
        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, Long> failed = new LinkedHashMap<>();
        for (String name : params.columns()) {
            Column<?> source = context.require(table, name);
            Failures failures = new Failures();
            Column<?> cast = switch (params.to()) {
                case INT -> toInt(source, failures);
                case FLOAT -> toFloat(source, failures);
                case DATETIME -> toDateTime(source, params.datePattern(), failures, formats, context);
                case STRING -> toText(source);
                case BOOLEAN -> toBoolean(source, failures);
            };
            table.replaceColumn(name, cast);
            failed.put(name, failures.count);
            if (failures.count > 0) {
                log.warn(failures.count + " value" + (failures.count == 1 ? "" : "s") + " of '" + name
                        + "' could not be converted to " + params.to().wireName() + " and "
                        + (failures.count == 1 ? "is" : "are")
                        + " now missing (for example " + Columns.examples(failures.examples, 5) + ")");
            }
            if (failures.rounded > 0) {
                log.warn(failures.rounded + " value" + (failures.rounded == 1 ? "" : "s") + " of '" + name
                        + "' had a fractional part and " + (failures.rounded == 1 ? "was" : "were")
                        + " rounded to a whole number");
            }
        }
        log.param("failed_to_convert", failed);
        if (!formats.isEmpty()) {
            log.param("formats_used", formats);
        }
        return table;
    }

    private static Column<?> toInt(Column<?> source, Failures failures) {
        long[] values = new long[source.size()];
        boolean[] missing = new boolean[source.size()];
        boolean fitsInt = true;
        for (int row = 0; row < values.length; row++) {
            if (source.isMissing(row)) {
                missing[row] = true;
                continue;
            }
            Optional<Double> number = asNumber(source, row);
            if (number.isEmpty() || Double.isInfinite(number.get()) || Math.abs(number.get()) > 9.0e15) {
                failures.add(source.getString(row));
                missing[row] = true;
                continue;
            }
            double value = number.get();
            if (value != Math.rint(value)) {
                failures.rounded++;
            }
            values[row] = Math.round(value);
            fitsInt &= values[row] > Integer.MIN_VALUE && values[row] <= Integer.MAX_VALUE;
        }
        if (fitsInt) {
            IntColumn out = IntColumn.create(source.name(), values.length);
            for (int row = 0; row < values.length; row++) {
                if (missing[row]) {
                    out.setMissing(row);
                } else {
                    out.set(row, (int) values[row]);
                }
            }
            return out;
        }
        LongColumn out = LongColumn.create(source.name(), values.length);
        for (int row = 0; row < values.length; row++) {
            if (missing[row]) {
                out.setMissing(row);
            } else {
                out.set(row, values[row]);
            }
        }
        return out;
    }

    private static Column<?> toFloat(Column<?> source, Failures failures) {
        double[] values = new double[source.size()];
        for (int row = 0; row < values.length; row++) {
            if (source.isMissing(row)) {
                values[row] = Double.NaN;
                continue;
            }
            Optional<Double> number = asNumber(source, row).filter(Double::isFinite);
            if (number.isEmpty()) {
                failures.add(source.getString(row));
                values[row] = Double.NaN;
            } else {
                values[row] = number.get();
            }
        }
        return DoubleColumn.create(source.name(), values);
    }

    /** A cell read as a number: numbers as they are, booleans as 1/0, dates as days and datetimes as seconds since 1970. */
    private static Optional<Double> asNumber(Column<?> source, int row) {
        return switch (source) {
            case NumericColumn<?> numbers -> Optional.of(numbers.getDouble(row));
            case BooleanColumn booleans -> Optional.of(booleans.get(row) ? 1.0 : 0.0);
            case DateColumn dates -> Optional.of((double) dates.get(row).toEpochDay());
            case DateTimeColumn times -> Optional.of((double) times.get(row).toEpochSecond(ZoneOffset.UTC));
            case InstantColumn instants ->
                Optional.of((double) instants.get(row).getEpochSecond());
            default -> parseNumber(source.getString(row));
        };
    }

    private static Optional<Double> parseNumber(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(trimmed));
    }

    private static Column<?> toText(Column<?> source) {
        StringColumn out = StringColumn.create(source.name());
        for (int row = 0; row < source.size(); row++) {
            if (source.isMissing(row)) {
                out.appendMissing();
            } else {
                out.append(source.getString(row));
            }
        }
        return out;
    }

    private static Column<?> toBoolean(Column<?> source, Failures failures) {
        BooleanColumn out = BooleanColumn.create(source.name(), source.size());
        for (int row = 0; row < source.size(); row++) {
            if (source.isMissing(row)) {
                out.setMissing(row);
                continue;
            }
            String word = switch (source) {
                case NumericColumn<?> numbers ->
                    numbers.getDouble(row) == 1.0 ? "1" : numbers.getDouble(row) == 0.0 ? "0" : numbers.getString(row);
                default -> source.getString(row).strip().toLowerCase(Locale.ROOT);
            };
            if (TRUE_WORDS.contains(word)) {
                out.set(row, true);
            } else if (FALSE_WORDS.contains(word)) {
                out.set(row, false);
            } else {
                failures.add(source.getString(row));
                out.setMissing(row);
            }
        }
        return out;
    }

    private static Column<?> toDateTime(
            Column<?> source,
            Optional<String> pattern,
            Failures failures,
            Map<String, String> formats,
            ActionContext context) {
        DateTimeColumn out = DateTimeColumn.create(source.name(), source.size());
        switch (source) {
            case DateTimeColumn times -> {
                return times.copy();
            }
            case DateColumn dates -> {
                for (int row = 0; row < source.size(); row++) {
                    if (!dates.isMissing(row)) {
                        out.set(row, dates.get(row).atStartOfDay());
                    }
                }
                return out;
            }
            case InstantColumn instants -> {
                for (int row = 0; row < source.size(); row++) {
                    if (!instants.isMissing(row)) {
                        out.set(row, LocalDateTime.ofInstant(instants.get(row), ZoneOffset.UTC));
                    }
                }
                return out;
            }
            default -> {}
        }
        if (!(source instanceof StringColumn)) {
            // Numbers are not dates: every value fails, and the warning says which.
            for (int row = 0; row < source.size(); row++) {
                if (!source.isMissing(row)) {
                    failures.add(source.getString(row));
                }
            }
            return out;
        }
        DateTimeFormatter formatter = pattern.map(p -> {
                    try {
                        return DateTimeFormatter.ofPattern(p, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        throw context.failure(source.name(), "'" + p + "' is not a date pattern");
                    }
                })
                .orElseGet(() -> bestFormatter(source, formats));
        pattern.ifPresent(p -> formats.put(source.name(), p));
        for (int row = 0; row < source.size(); row++) {
            if (source.isMissing(row)) {
                continue;
            }
            Optional<LocalDateTime> parsed = parse(formatter, source.getString(row));
            if (parsed.isPresent()) {
                out.set(row, parsed.get());
            } else {
                failures.add(source.getString(row));
            }
        }
        return out;
    }

    /** Judged on the first values only: parsing failures are exceptions, and a format shows itself early. */
    private static DateTimeFormatter bestFormatter(Column<?> source, Map<String, String> formats) {
        List<String> sample = new ArrayList<>();
        for (int row = 0; row < source.size() && sample.size() < FORMAT_SAMPLE; row++) {
            if (!source.isMissing(row)) {
                sample.add(source.getString(row));
            }
        }
        String best = DATE_PATTERNS.getFirst();
        long bestCount = -1;
        for (String candidate : DATE_PATTERNS) {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(candidate, Locale.ROOT);
            long count = sample.stream()
                    .filter(value -> parse(formatter, value).isPresent())
                    .count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        formats.put(source.name(), best);
        return DateTimeFormatter.ofPattern(best, Locale.ROOT);
    }

    private static Optional<LocalDateTime> parse(DateTimeFormatter formatter, String text) {
        try {
            TemporalAccessor parsed =
                    formatter.parseBest(text.strip(), LocalDateTime::from, LocalDate::from, Instant::from);
            return Optional.of(
                    switch (parsed) {
                        case LocalDateTime time -> time;
                        case LocalDate date -> date.atStartOfDay();
                        case Instant instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                        default -> throw new DateTimeParseException("unsupported", text, 0);
                    });
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
