package dev.assay.runner.report;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import dev.assay.model.profile.CorrelationMatrix;
import dev.assay.model.profile.Histogram;
import dev.assay.model.profile.MissingMatrix;
import dev.assay.model.profile.MissingProfile;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.ValueCount;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.table.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What report.ftlh shows, formatted for people: numbers rounded, charts laid out, alerts by column. */
public record ReportModel(
        String title,
        String source,
        List<Fact> overview,
        List<String> kinds,
        List<Fact> ingest,
        List<String> warnings,
        List<AlertView> alerts,
        List<Fact> alertCounts,
        List<VariableView> variables,
        List<MatrixView> correlations,
        MissingView missing,
        SampleView sample,
        List<ScatterView> interactions,
        List<String> estimates) {

    /** A scatter plot of two numeric columns; {@code note} says how many points of how many rows it draws. */
    public record ScatterView(String x, String y, String pearson, String note, Charts.Scatter chart) {}

    /** The missing-values matrix; {@code note} says how rows were binned and which columns were left out. */
    public record MatrixOfMissing(String note, Charts.Matrix chart) {}

    public record Fact(String label, String value) {}

    public record RepeatedView(List<String> values, String count) {}

    /** {@code anchor} is the id of the column's card, empty for an alert about the whole table. */
    public record AlertView(
            String severity, String type, String column, String anchor, String message, String action) {}

    public record VariableView(
            String name,
            String anchor,
            String kind,
            String storage,
            List<Fact> facts,
            List<Fact> details,
            String chartKind,
            Charts.Histogram histogram,
            Charts.Counts counts,
            String chartCaption,
            List<AlertView> alerts) {}

    public record MatrixView(String title, String note, Charts.HeatMap map) {}

    public record MissingView(
            boolean any, Charts.Counts bars, List<Fact> patterns, MatrixView together, MatrixOfMissing matrix) {}

    /** @param repeated the rows repeated most in the file, with how often: their repeats were dropped on ingest */
    public record SampleView(
            List<String> columns, List<List<String>> head, List<List<String>> tail, List<RepeatedView> repeated) {}

    static ReportModel of(Profile profile) {
        var table = profile.table();
        List<Fact> overview = List.of(
                new Fact("Rows", count(table.rows())),
                new Fact("Columns", count(table.columns())),
                new Fact(
                        "Missing cells",
                        count(table.missingCells()) + " (" + Charts.percent(table.missingShare()) + ")"),
                profile.streamed()
                        ? new Fact("Duplicate rows (estimated, kept)", "≈ " + count(table.duplicateRows()))
                        : new Fact(
                                "Duplicate rows dropped", count(profile.ingest().duplicatesDropped())),
                new Fact("Alerts", count(profile.alerts().size())),
                new Fact("Size in memory", bytes(table.memoryBytes())));
        List<String> kinds = table.types().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().wireName())
                .toList();
        var ingest = profile.ingest();
        List<Fact> ingestFacts = ingest.bytes() == 0
                ? List.of()
                : List.of(
                        new Fact("File", ingest.fileName()),
                        new Fact("File size", bytes(ingest.bytes())),
                        new Fact("Read as", ingest.source().describe()),
                        new Fact("Separator", separatorName(ingest.delimiter())),
                        new Fact("Byte order mark", ingest.bom() ? "yes" : "no"),
                        new Fact("Data rows in the file", count(ingest.rowsRead())),
                        new Fact(
                                "Read as missing",
                                "empty cells and " + ingest.missingMarkers().describe()),
                        new Fact("Read in", ingest.millis() + " ms"));
        List<AlertView> alerts =
                profile.alerts().stream().map(ReportModel::alert).toList();
        List<Fact> alertCounts = new ArrayList<>();
        for (AlertSeverity severity : AlertSeverity.values()) {
            long n = profile.alerts().stream()
                    .filter(a -> a.severity() == severity)
                    .count();
            String name = severity.name().toLowerCase(Locale.ROOT);
            if (n > 0) {
                alertCounts.add(new Fact(
                        name, count(n) + " " + (severity == AlertSeverity.WARNING && n > 1 ? "warnings" : name)));
            }
        }
        List<VariableView> variables = profile.variables().values().stream()
                .map(v -> variable(v, profile.alerts(), table.rows()))
                .toList();
        List<MatrixView> correlations = new ArrayList<>();
        List<String> numbers = profile.variables().values().stream()
                .filter(Kinds::correlatesAsNumber)
                .map(dev.assay.model.profile.VariableProfile::name)
                .toList();
        List<String> categories = profile.variables().values().stream()
                .filter(Kinds::correlatesAsCategory)
                .map(dev.assay.model.profile.VariableProfile::name)
                .toList();
        matrix(
                "Pearson",
                "linear relation between numeric columns",
                profile.correlations().pearson(),
                numbers,
                correlations);
        matrix(
                "Spearman",
                "monotonic relation between numeric columns (ranks)",
                profile.correlations().spearman(),
                numbers,
                correlations);
        matrix(
                "Cramér's V",
                "association between categorical columns (0 none, 1 determined)",
                profile.correlations().cramersV(),
                categories,
                correlations);
        List<ScatterView> interactions = profile.correlations().interactions().stream()
                .map(i -> new ScatterView(
                        i.x(),
                        i.y(),
                        String.format(Locale.ROOT, "%.2f", i.pearson()),
                        (i.points().size() < i.pairs()
                                        ? count(i.points().size()) + " of " + count(i.pairs()) + " rows, evenly spaced"
                                        : count(i.pairs()) + " rows")
                                + " with both values",
                        Charts.scatter(i.points())))
                .toList();
        return new ReportModel(
                "Profile of " + profile.source(),
                profile.source(),
                overview,
                kinds,
                ingestFacts,
                ingest.warnings(),
                alerts,
                alertCounts,
                variables,
                correlations,
                missing(profile.missing(), table.rows()),
                new SampleView(
                        profile.sample().columns(),
                        blanks(profile.sample().head()),
                        blanks(profile.sample().tail()),
                        ingest.repeatedRows().stream()
                                .map(r -> new RepeatedView(r.values(), count(r.count()) + " times"))
                                .toList()),
                interactions,
                estimates(profile));
    }

    /**
     * In streaming mode: why, and every estimated figure with its error bound, a line per column (all other figures
     * are exact); empty for an exact profile.
     */
    static List<String> estimates(Profile profile) {
        if (profile.estimates().isEmpty()) {
            return List.of();
        }
        var estimates = profile.estimates().get();
        List<String> lines = new ArrayList<>();
        lines.add("Profiled in streaming mode because " + estimates.reason() + ": the file was read in bounded memory. "
                + "The figures below are estimates with their error bounds; every other figure is exact. Duplicate "
                + "rows were kept, and a plan cannot be applied to this file.");
        Map<String, List<String>> byColumn = new java.util.LinkedHashMap<>();
        for (var figure : estimates.figures()) {
            String bound = switch (figure.kind()) {
                case RANK -> String.format(Locale.ROOT, "rank within ±%.2f %%", 100 * figure.error());
                case RELATIVE -> String.format(Locale.ROOT, "within ±%.2f %%", 100 * figure.error());
                case COUNT -> "counts within ±" + count((long) figure.error());
                case SAMPLE -> "on " + count((long) figure.error()) + " sampled rows";
            };
            String confidence = figure.confidence() < 1
                    ? String.format(Locale.ROOT, " at %.1f %% confidence", 100 * figure.confidence())
                    : "";
            byColumn.computeIfAbsent(
                            figure.column().isEmpty() ? "whole table" : "column '" + figure.column() + "'",
                            k -> new ArrayList<>())
                    .add(figure.figure().replace('_', ' ') + " (" + figure.method() + ", " + bound + confidence + ")");
        }
        byColumn.forEach((column, figures) -> lines.add(column + ": " + String.join("; ", figures)));
        return lines;
    }

    private static AlertView alert(Alert alert) {
        return new AlertView(
                alert.severity().name().toLowerCase(Locale.ROOT),
                alert.type().wireName().replace('_', ' '),
                alert.column().orElse(""),
                alert.column().map(c -> "col-" + anchor(c)).orElse(""),
                alert.message(),
                alert.suggestedAction().map(PlanStep::inWords).orElse(""));
    }

    private static VariableView variable(VariableProfile v, List<Alert> all, long rows) {
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Present", count(v.count())),
                new Fact("Missing", count(v.missing()) + " (" + Charts.percent(v.missingShare()) + ")"),
                new Fact("Distinct", count(v.distinct()) + " (" + Charts.percent(v.uniqueShare()) + ")")));
        List<Fact> details = new ArrayList<>();
        String chartKind = "none";
        Charts.Histogram histogram = null;
        Charts.Counts counts = null;
        String caption = "";
        if (v.numeric().isPresent()) {
            NumericStats s = v.numeric().get();
            facts.add(new Fact("Mean", number(s.mean())));
            facts.add(new Fact("Median", number(s.median())));
            facts.add(new Fact("Min – max", number(s.min()) + " – " + number(s.max())));
            details.addAll(List.of(
                    new Fact("Std deviation", number(s.std())),
                    new Fact("5th percentile", number(s.p5())),
                    new Fact("Q1", number(s.q1())),
                    new Fact("Q3", number(s.q3())),
                    new Fact("95th percentile", number(s.p95())),
                    new Fact("Skewness", number(s.skewness())),
                    new Fact("Kurtosis", number(s.kurtosis())),
                    new Fact("Zeros", count(s.zeros())),
                    new Fact("Negatives", count(s.negatives())),
                    new Fact("Infinite", count(s.infinite()))));
            if (!s.smallest().isEmpty()) {
                details.add(new Fact(
                        "Smallest values",
                        String.join(
                                ", ",
                                s.smallest().stream().map(ReportModel::number).toList())));
                details.add(new Fact(
                        "Largest values",
                        String.join(
                                ", ",
                                s.largest().stream().map(ReportModel::number).toList())));
            }
            if (!v.top().isEmpty() && v.top().getFirst().count() > 1) {
                details.add(new Fact(
                        "Most common",
                        String.join(
                                ", ",
                                v.top().subList(0, Math.min(5, v.top().size())).stream()
                                        .map(c -> c.value() + " (" + count(c.count()) + ")")
                                        .toList())));
            }
            histogram = histogramOf(s.histogram(), v.storage() == dev.assay.model.dataset.ColumnType.INTEGER);
            List<Double> edges = s.histogram().edges();
            if (edges.size() >= 2) {
                double span = edges.getLast() - edges.getFirst();
                histogram = histogram.withMarker(
                        span == 0 ? 0.5 : (s.median() - edges.getFirst()) / span, "median " + number(s.median()));
            }
            chartKind = "histogram";
            caption = "Distribution of values · line: median";
        } else if (v.date().isPresent()) {
            var d = v.date().get();
            facts.add(new Fact("First", d.min()));
            facts.add(new Fact("Last", d.max()));
            histogram = Charts.histogram(d.counts(), d.edges());
            chartKind = "histogram";
            caption = "Values over time";
        }
        if (v.text().isPresent()) {
            var t = v.text().get();
            details.addAll(List.of(
                    new Fact("Shortest", characters(t.minLength())),
                    new Fact("Mean length", number(t.meanLength())),
                    new Fact("Median length", number(t.medianLength())),
                    new Fact("Longest", characters(t.maxLength()))));
        }
        boolean everyValueDiffers = v.distinct() == v.count() && v.count() > 1;
        if (chartKind.equals("none") && everyValueDiffers && v.text().isPresent()) {
            // Counts of values seen once each say nothing: show how long they are instead.
            Histogram lengths = v.text().get().lengths();
            histogram = Charts.histogram(
                    lengths.counts(),
                    lengths.edges().stream().map(ReportModel::number).toList());
            chartKind = "histogram";
            caption = "Lengths of the values (characters); every value differs";
        }
        if (chartKind.equals("none") && !v.top().isEmpty()) {
            List<ValueCount> top = v.top().subList(0, Math.min(10, v.top().size()));
            counts = Charts.counts(
                    top.stream().map(ValueCount::value).toList(),
                    top.stream().map(ValueCount::count).toList(),
                    v.count());
            chartKind = "counts";
            caption = v.distinct() > top.size() ? "Most frequent of " + count(v.distinct()) + " values" : "Values";
        }
        v.stray()
                .ifPresent(s -> details.add(new Fact(
                        "Not " + s.dominant().wireName(),
                        count(s.count()) + " (e.g. "
                                + String.join(
                                        ", ",
                                        s.examples()
                                                .subList(
                                                        0,
                                                        Math.min(3, s.examples().size()))) + ")")));
        // One badge per kind of alert on the card; its tooltip holds every message of that kind.
        Map<String, AlertView> byType = new java.util.LinkedHashMap<>();
        all.stream()
                .filter(a -> a.column().filter(v.name()::equals).isPresent())
                .map(ReportModel::alert)
                .forEach(a -> byType.merge(
                        a.type(),
                        a,
                        (first, next) -> new AlertView(
                                first.severity(),
                                first.type(),
                                first.column(),
                                first.anchor(),
                                first.message() + "; " + next.message(),
                                first.action())));
        List<AlertView> alerts = List.copyOf(byType.values());
        return new VariableView(
                v.name(),
                "col-" + anchor(v.name()),
                v.type().wireName(),
                v.storage().wireName(),
                facts,
                details,
                chartKind,
                histogram,
                counts,
                caption,
                alerts);
    }

    /** Integer columns with few values get one bar per value, labelled by the value rather than its bin edges. */
    private static Charts.Histogram histogramOf(Histogram h, boolean integers) {
        boolean unitBins = integers
                && h.edges().size() >= 2
                && h.edges().get(1) - h.edges().get(0) == 1.0;
        List<String> labels =
                h.edges().stream().map(e -> number(unitBins ? e + 0.5 : e)).toList();
        Charts.Histogram chart = Charts.histogram(h.counts(), labels);
        return unitBins && labels.size() >= 2
                ? new Charts.Histogram(
                        chart.width(),
                        chart.height(),
                        chart.bars(),
                        labels.getFirst(),
                        labels.get(labels.size() - 2),
                        chart.markers())
                : chart;
    }

    /**
     * @param eligible every column of the matrix's family: when there are more than the matrix holds, the note says
     *                 "first 30 of N columns" and lists the ones left out
     */
    private static void matrix(
            String title, String note, CorrelationMatrix matrix, List<String> eligible, List<MatrixView> into) {
        if (matrix.columns().size() >= 2) {
            List<String> left =
                    eligible.stream().filter(c -> !matrix.columns().contains(c)).toList();
            String said = left.isEmpty()
                    ? note
                    : note + "; the first " + matrix.columns().size() + " of " + eligible.size()
                            + " columns, in table order (left out: " + String.join(", ", left) + ")";
            into.add(new MatrixView(title, said, Charts.heatMap(matrix.columns(), matrix.values())));
        }
    }

    private static MissingView missing(MissingProfile missing, long rows) {
        List<Map.Entry<String, Long>> columns = missing.counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        if (columns.isEmpty()) {
            return new MissingView(false, null, List.of(), null, null);
        }
        Charts.Counts bars = Charts.counts(
                columns.stream().map(Map.Entry::getKey).toList(),
                columns.stream().map(Map.Entry::getValue).toList(),
                rows);
        List<Fact> patterns = missing.patterns().stream()
                .map(p -> new Fact(String.join(" + ", p.columns()), count(p.rows()) + " rows"))
                .toList();
        // The heat map takes the columns that are sometimes, not always, missing: say so when it holds fewer.
        List<String> eligible = columns.stream()
                .filter(e -> e.getValue() < rows)
                .map(Map.Entry::getKey)
                .filter(name -> missing.counts().containsKey(name))
                .toList();
        List<String> tableOrder =
                missing.counts().keySet().stream().filter(eligible::contains).toList();
        List<MatrixView> together = new ArrayList<>();
        matrix(
                "Missing together",
                "near 1: the columns go missing in the same rows",
                missing.together(),
                tableOrder,
                together);
        MissingMatrix m = missing.matrix();
        MatrixOfMissing matrix = m.columns().isEmpty()
                ? null
                : new MatrixOfMissing(
                        "Rows top to bottom in bins of " + count(m.rowsPerBin())
                                + (m.rowsPerBin() == 1 ? " row" : " rows")
                                + "; the darker, the more of the bin is missing"
                                + (m.leftOut().isEmpty()
                                        ? ""
                                        : "; the first " + m.columns().size() + " of " + m.totalColumns()
                                                + " columns (left out: " + String.join(", ", m.leftOut()) + ")"),
                        Charts.missingMatrix(m.columns(), m.shares(), m.rowsPerBin()));
        return new MissingView(true, bars, patterns, together.isEmpty() ? null : together.getFirst(), matrix);
    }

    private static List<List<String>> blanks(List<List<String>> rows) {
        return rows.stream()
                .map(r -> r.stream().map(c -> c == null ? "" : c).toList())
                .toList();
    }

    static String anchor(String name) {
        StringBuilder id = new StringBuilder();
        for (char c : name.toCharArray()) {
            id.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return id + "-" + Integer.toHexString(name.hashCode());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return count((long) value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.1f" : magnitude >= 1 ? "%.3f" : "%.4g";
        String text = String.format(Locale.ROOT, pattern, value).replace(',', '\u202f');
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }

    private static String characters(int n) {
        return count(n) + (n == 1 ? " character" : " characters");
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }

    private static String separatorName(String delimiter) {
        return switch (delimiter) {
            case "," -> "comma";
            case ";" -> "semicolon";
            case "\t" -> "tab";
            case "|" -> "pipe";
            default -> delimiter;
        };
    }
}
