package dev.assay.runner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-cell rules, including the fast paths that skip work for most cells of a big file. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", " ", "NA", "na", "nA", "N/A", "n/a", "null", "NULL", "Null", "NaN", "nan", "NAN", "none", "None",
                "NONE", "-", " - ", "  NA  ", "\tnull"
            })
    void missingMarkersInAnyCaseAndPadding(String cell) {
        assertThat(Values.isMissing(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0", "-5", "--", "Nancy", "nan1", "NAN ok", "nonE!", "n", "N/AA", "nul", "-1.5e3", "no", "x"})
    void valuesThatLookAlikeAreNotMissing(String cell) {
        assertThat(Values.isMissing(cell)).isFalse();
    }

    @Test
    void everyDeclaredMarkerIsMissingInUpperAndLowerCase() {
        for (String marker : Values.MISSING_MARKERS) {
            assertThat(Values.isMissing(marker.toUpperCase())).as(marker).isTrue();
            assertThat(Values.isMissing(" " + marker + " ")).as(marker).isTrue();
        }
    }

    @Test
    void booleansAndInfinity() {
        for (String word : List.of("true", "FALSE", "Yes", "no", "Y", "n", "T", "f")) {
            assertThat(Values.isBoolean(word)).as(word).isTrue();
        }
        for (String word : List.of("1", "0", "truth", "yess", "on", "")) {
            assertThat(Values.isBoolean(word)).as(word).isFalse();
        }
        assertThat(Values.parseDecimal("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Values.parseDecimal("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Values.looksDecimal("Inf")).isTrue();
        assertThat(Values.looksDecimal("info")).isFalse();
        assertThat(Values.looksDecimal("0123.5")).isFalse();
        assertThat(Values.parsesAsLong(Long.toString(Long.MIN_VALUE))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-29",
                "2023-02-29",
                "2023-13-01",
                "2023-00-10",
                "0000-01-01",
                "2023-1-01",
                "2023/01/01",
                "2023-01-01x",
                "20230101",
                "2023-01-32"
            })
    void isoDatesReadByHandAgreeWithTheFormatter(String value) {
        DateFormats.Layout layout = layout("yyyy-MM-dd");
        assertThat(layout.parses(value)).isEqualTo(formatterParses(layout, value, false));
        if (layout.parses(value)) {
            assertThat(layout.date(value)).isEqualTo(LocalDate.parse(value, layout.formatter()));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2019-03-23 20:21:09",
                "2019-03-23 20:21",
                "2019-03-23 20:21:09.5",
                "2019-03-23 20:21:09.123456789",
                "2019-03-23 24:00:00",
                "2019-03-23 23:60",
                "2019-03-23 20:21:9",
                "2019-03-23 20:21:09.",
                "2019-03-23 20:21:09.1234567890",
                "2019-02-29 10:00",
                "2019-03-23T20:21:09",
                "2019-03-23 20:21:09Z"
            })
    void isoDateTimesReadByHandAgreeWithTheFormatter(String value) {
        DateFormats.Layout layout = layout("yyyy-MM-dd HH:mm:ss");
        assertThat(layout.parses(value)).as(value).isEqualTo(formatterParses(layout, value, true));
        if (layout.parses(value)) {
            assertThat(layout.dateTime(value)).isEqualTo(LocalDateTime.parse(value, layout.formatter()));
        }
    }

    private static DateFormats.Layout layout(String name) {
        return DateFormats.LAYOUTS.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static boolean formatterParses(DateFormats.Layout layout, String value, boolean withTime) {
        try {
            if (withTime) {
                LocalDateTime.parse(value, layout.formatter());
            } else {
                LocalDate.parse(value, layout.formatter());
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
