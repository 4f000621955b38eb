package dev.assay.runner.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The date and date-time layouts recognised on ingest. A column is a date column only when every present
 * value parses with one and the same layout, so 03/04/2020 is never read as two different days in one column.
 */
final class DateFormats {

    /** The ISO shapes that are read by hand (a formatter costs about a microsecond per value on a big file). */
    enum Iso {
        NONE,
        DATE,
        SPACE,
        T
    }

    /** One layout: how to parse it and whether it carries a time of day. */
    record Layout(String name, DateTimeFormatter formatter, boolean withTime, boolean withOffset, Iso iso) {

        LocalDate date(String value) {
            if (iso == Iso.DATE) {
                LocalDate fast = isoDate(value);
                if (fast != null) {
                    return fast;
                }
            }
            return LocalDate.parse(value, formatter);
        }

        LocalDateTime dateTime(String value) {
            if (iso == Iso.SPACE || iso == Iso.T) {
                LocalDateTime fast = isoDateTime(value, iso == Iso.SPACE ? ' ' : 'T');
                if (fast != null) {
                    return fast;
                }
            }
            if (withOffset) {
                // An offset (+01:00, +0100, Z) or a zone (UTC, Europe/Paris): the instant, written in UTC.
                return java.time.ZonedDateTime.from(formatter.parse(value))
                        .withZoneSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            return LocalDateTime.parse(value, formatter);
        }

        boolean parses(String value) {
            try {
                if (iso == Iso.DATE && isoDate(value) != null
                        || (iso == Iso.SPACE || iso == Iso.T)
                                && isoDateTime(value, iso == Iso.SPACE ? ' ' : 'T') != null) {
                    return true;
                }
            } catch (DateTimeException e) {
                return false;
            }
            // parseUnresolved fails without an exception; most misfits stop here, which keeps text columns cheap.
            java.text.ParsePosition position = new java.text.ParsePosition(0);
            if (formatter.parseUnresolved(value, position) == null || position.getIndex() != value.length()) {
                return false;
            }
            try {
                if (withTime) {
                    dateTime(value);
                } else {
                    date(value);
                }
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    /**
     * yyyy-MM-dd read by hand: null when the value does not have exactly that shape (the formatter then decides),
     * a DateTimeException when it has the shape but is no day (2023-02-30), as the strict formatter would.
     */
    static LocalDate isoDate(String value) {
        return value.length() == 10 ? isoDateAtStart(value) : null;
    }

    private static LocalDate isoDateAtStart(String value) {
        if (value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
    }

    /** yyyy-MM-dd HH:mm[:ss[.fraction]] (or with T) read by hand; null and exceptions as {@link #isoDate}. */
    static LocalDateTime isoDateTime(String value, char separator) {
        int n = value.length();
        if (n < 16 || value.charAt(10) != separator || value.charAt(13) != ':') {
            return null;
        }
        LocalDate date = isoDateAtStart(value);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        if (date == null || hour < 0 || minute < 0) {
            return null;
        }
        int second = 0;
        int nanos = 0;
        if (n > 16) {
            if (n < 19 || value.charAt(16) != ':' || (second = digits(value, 17, 2)) < 0) {
                return null;
            }
            if (n > 19) {
                int fraction = n - 20;
                if (value.charAt(19) != '.'
                        || fraction < 1
                        || fraction > 9
                        || (nanos = digits(value, 20, fraction)) < 0) {
                    return null;
                }
                for (int i = fraction; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String value, int from, int count) {
        int number = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /*
     * Order matters where two layouts read the same values: the first that reads every value of a column wins.
     * MM/dd comes before dd/MM (a column with a day above 12 settles the order by itself; one without any says it is
     * ambiguous). Day and month take one or two digits (6/12/1998 as well as 06/12/1998); years take four, so that
     * codes and version numbers (1.2.3, 12/06) are never read as dates.
     */
    static final List<Layout> LAYOUTS = List.of(
            date("yyyy-MM-dd", "uuuu-MM-dd", Iso.DATE),
            date("yyyy/MM/dd", "uuuu/M/d", Iso.NONE),
            date("yyyy.MM.dd", "uuuu.M.d", Iso.NONE),
            date("dd.MM.yyyy", "d.M.uuuu", Iso.NONE),
            date("MM/dd/yyyy", "M/d/uuuu", Iso.NONE),
            date("dd/MM/yyyy", "d/M/uuuu", Iso.NONE),
            date("MM-dd-yyyy", "M-d-uuuu", Iso.NONE),
            date("dd-MM-yyyy", "d-M-uuuu", Iso.NONE),
            date("d MMM yyyy", "d MMM uuuu", Iso.NONE),
            date("d MMMM yyyy", "d MMMM uuuu", Iso.NONE),
            date("d-MMM-yyyy", "d-MMM-uuuu", Iso.NONE),
            date("MMM d yyyy", "MMM d uuuu", Iso.NONE),
            date("MMM d, yyyy", "MMM d, uuuu", Iso.NONE),
            date("MMMM d yyyy", "MMMM d uuuu", Iso.NONE),
            date("MMMM d, yyyy", "MMMM d, uuuu", Iso.NONE),
            date("EEE, d MMM yyyy", "EEE, d MMM uuuu", Iso.NONE),
            date("EEEE, MMMM d, yyyy", "EEEE, MMMM d, uuuu", Iso.NONE),
            ordinal("d(th) MMMM yyyy", "", " MMMM uuuu"),
            ordinal("MMMM d(th), yyyy", "MMMM ", ", uuuu"),
            twoDigitYear("MM/dd/yy", "M/d/"),
            twoDigitYear("dd/MM/yy", "d/M/"),
            monthOnly("MMMM yyyy", "MMMM uuuu"),
            monthOnly("MMM yyyy", "MMM uuuu"),
            dateTime("yyyy-MM-dd HH:mm:ss", "uuuu-MM-dd HH:mm", true, false, Iso.SPACE),
            dateTime("yyyy-MM-ddTHH:mm:ss", "uuuu-MM-dd'T'HH:mm", true, false, Iso.T),
            dateTime("yyyy-MM-ddTHH:mm:ss+offset", "uuuu-MM-dd'T'HH:mm", true, true, Iso.NONE),
            dateTime("yyyy-MM-dd HH:mm:ss+offset", "uuuu-MM-dd HH:mm", true, true, Iso.NONE),
            dateTime("yyyy/MM/dd HH:mm:ss", "uuuu/M/d HH:mm", true, false, Iso.NONE),
            dateTime("MM/dd/yyyy HH:mm:ss", "M/d/uuuu H:mm", true, false, Iso.NONE),
            dateTime("dd/MM/yyyy HH:mm:ss", "d/M/uuuu H:mm", true, false, Iso.NONE),
            amPm("MM/dd/yyyy hh:mm AM", "M/d/uuuu h:mm"),
            dateTime("dd.MM.yyyy HH:mm:ss", "d.M.uuuu H:mm", true, false, Iso.NONE),
            dateTime("d MMM yyyy HH:mm:ss", "d MMM uuuu H:mm", true, false, Iso.NONE),
            dateTime("MMM d yyyy HH:mm:ss", "MMM d uuuu H:mm", true, false, Iso.NONE));

    private DateFormats() {}

    private static Layout date(String name, String pattern, Iso iso) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Layout(name, formatter, false, false, iso);
    }

    /** A day written as an ordinal ("12th June 1998", "June 1st, 1998"): the suffix is read and checked by nothing. */
    private static Layout ordinal(String name, String before, String after) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        if (!before.isEmpty()) {
            builder.appendPattern(before);
        }
        builder.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
        for (String suffix : List.of("st", "nd", "rd", "th")) {
            builder.optionalStart().appendLiteral(suffix).optionalEnd();
        }
        DateTimeFormatter formatter =
                builder.appendPattern(after).toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        return new Layout(name, formatter, false, false, Iso.NONE);
    }

    /**
     * Two-digit years (12/06/98): 50 to 99 are read as 1950 to 1999, 00 to 49 as 2000 to 2049. Only in the slash
     * forms with both day and month, which codes rarely take.
     */
    private static Layout twoDigitYear(String name, String dayAndMonth) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .appendPattern(dayAndMonth)
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Layout(name, formatter, false, false, Iso.NONE);
    }

    /** A US time of day with AM or PM; seconds optional. */
    private static Layout amPm(String name, String pattern) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .optionalStart()
                .appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .optionalEnd()
                .appendLiteral(' ')
                .appendPattern("a")
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Layout(name, formatter, true, false, Iso.NONE);
    }

    /** A month without a day ("June 1998"): read as the first of that month. */
    private static Layout monthOnly(String name, String pattern) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Layout(name, formatter, false, false, Iso.NONE);
    }

    /**
     * Seconds and fractions are optional; with an offset, one is required: Z, +hh:mm, +hhmm or +hh, or a zone
     * (UTC, Europe/Paris), after an optional space.
     */
    private static Layout dateTime(String name, String pattern, boolean withTime, boolean withOffset, Iso iso) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .optionalStart()
                .appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                .optionalEnd()
                .optionalEnd();
        if (withOffset) {
            builder.optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendZoneRegionId()
                    .optionalEnd();
        }
        return new Layout(
                name,
                builder.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT),
                withTime,
                withOffset,
                iso);
    }

    private static final java.util.Set<String> MONTH_AND_DAY_STARTS = java.util.Set.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun");

    /**
     * A cheap test before trying the layouts: dates start with a digit and contain a separator, or start with the
     * name of a month or a weekday.
     */
    static boolean mightBeDate(String value) {
        int n = value.length();
        if (n < 8 || n > 40) {
            return false;
        }
        if (Character.isLetter(value.charAt(0))) {
            return MONTH_AND_DAY_STARTS.contains(value.substring(0, 3).toLowerCase(Locale.ROOT));
        }
        return Character.isDigit(value.charAt(0))
                && (value.indexOf('-') > 0
                        || value.indexOf('/') > 0
                        || value.indexOf('.') > 0
                        || value.indexOf(' ') > 0);
    }
}
