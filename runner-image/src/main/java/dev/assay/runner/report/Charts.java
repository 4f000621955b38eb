package dev.assay.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the report's inline SVG charts. The template draws them; this only computes positions,
 * sizes and colours, so the numbers are testable and the markup stays in the template.
 */
public final class Charts {

    static final int WIDTH = 320;
    static final int HEIGHT = 120;

    private Charts() {}

    /** One vertical bar of a histogram; title is the tooltip (range and count). */
    public record Bar(double x, double y, double width, double height, String title) {}

    /** A vertical line across a histogram (the median), with its tooltip. */
    public record Marker(double x, String title) {}

    public record Histogram(int width, int height, List<Bar> bars, String low, String high, List<Marker> markers) {

        /** The same chart with a marker at {@code share} of its width (0 left edge, 1 right edge). */
        Histogram withMarker(double share, String title) {
            if (Double.isNaN(share) || share < 0 || share > 1) {
                return this;
            }
            List<Marker> all = new ArrayList<>(markers);
            all.add(new Marker(round(share * width), title));
            return new Histogram(width, height, bars, low, high, List.copyOf(all));
        }
    }

    /** One horizontal bar of a value-count chart, with its label and its share as a width in pixels. */
    public record CountBar(String label, String count, double y, double width) {}

    public record Counts(int width, int height, int barX, List<CountBar> bars) {}

    /**
     * One cell of a heat map: where it is, its colour and its value as text. {@code ink} is the colour of the value
     * written on it: white on the darkest cells.
     */
    public record Cell(double x, double y, double size, String fill, String ink, String text, String title) {}

    public record Label(double x, double y, String text) {}

    public record HeatMap(int width, int height, List<Cell> cells, List<Label> rowLabels, List<Label> columnLabels) {}

    /** One point of a scatter plot. */
    public record Dot(double x, double y) {}

    /** A scatter plot: dots in a {@code width} × {@code height} plot area, with the axes' ends as text. */
    public record Scatter(
            int width, int height, List<Dot> dots, String xLow, String xHigh, String yLow, String yHigh) {}

    static final int SCATTER_SIZE = 260;

    /** Dots for (x, y) pairs, scaled to the pairs' ranges; y grows upwards. */
    static Scatter scatter(List<List<Double>> points) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (List<Double> p : points) {
            xMin = Math.min(xMin, p.get(0));
            xMax = Math.max(xMax, p.get(0));
            yMin = Math.min(yMin, p.get(1));
            yMax = Math.max(yMax, p.get(1));
        }
        double inset = 6;
        double span = SCATTER_SIZE - 2 * inset;
        List<Dot> dots = new ArrayList<>();
        for (List<Double> p : points) {
            double fx = xMax == xMin ? 0.5 : (p.get(0) - xMin) / (xMax - xMin);
            double fy = yMax == yMin ? 0.5 : (p.get(1) - yMin) / (yMax - yMin);
            dots.add(new Dot(round(inset + fx * span), round(SCATTER_SIZE - inset - fy * span)));
        }
        boolean any = !points.isEmpty();
        return new Scatter(
                SCATTER_SIZE,
                SCATTER_SIZE,
                dots,
                any ? ReportModel.number(xMin) : "",
                any ? ReportModel.number(xMax) : "",
                any ? ReportModel.number(yMin) : "",
                any ? ReportModel.number(yMax) : "");
    }

    /** One filled run of a missing-values matrix: a column's missing share in one bin of rows. */
    public record Block(double x, double y, double width, double height, String fill, String title) {}

    /** The missing-values matrix: one column of blocks per data column, bins of rows top to bottom. */
    public record Matrix(
            int width,
            int height,
            double top,
            List<Block> blocks,
            List<Label> columnLabels,
            List<Double> columnX,
            double columnWidth) {}

    static Matrix missingMatrix(List<String> columns, List<List<Double>> shares, long rowsPerBin) {
        double columnWidth = Math.max(12, Math.min(28, 600.0 / Math.max(1, columns.size())));
        double top = 90;
        double binHeight = Math.max(2, Math.min(8, 300.0 / Math.max(1, shares.size())));
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < shares.size(); b++) {
            for (int c = 0; c < columns.size(); c++) {
                double share = shares.get(b).get(c);
                if (share > 0) {
                    long first = b * rowsPerBin + 1;
                    blocks.add(new Block(
                            round(c * columnWidth + 1),
                            round(top + b * binHeight),
                            round(columnWidth - 2),
                            round(binHeight),
                            shade(share),
                            columns.get(c) + ", rows " + ReportModel.count(first) + "–"
                                    + ReportModel.count(first + rowsPerBin - 1) + ": " + percent(share) + " missing"));
                }
            }
        }
        List<Label> labels = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            labels.add(new Label(round(c * columnWidth + columnWidth * 0.55), top - 6, shorten(columns.get(c), 16)));
            xs.add(round(c * columnWidth + 1));
        }
        return new Matrix(
                (int) Math.ceil(columns.size() * columnWidth + 90),
                (int) Math.ceil(top + shares.size() * binHeight + 2),
                top,
                blocks,
                labels,
                xs,
                round(columnWidth - 2));
    }

    /** Light grey (a few cells) to near black (all missing). */
    private static String shade(double share) {
        int v = (int) Math.round(200 - 170 * Math.max(0, Math.min(1, share)));
        return String.format(Locale.ROOT, "#%02x%02x%02x", v, v, v + 10 > 255 ? 255 : v + 10);
    }

    static Histogram histogram(List<Long> counts, List<String> edgeLabels) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        double width = (double) WIDTH / Math.max(1, counts.size());
        for (int i = 0; i < counts.size(); i++) {
            double height = max == 0 ? 0 : (HEIGHT - 4) * counts.get(i) / (double) max;
            String title = edgeLabels.get(i) + " to " + edgeLabels.get(i + 1) + ": " + counts.get(i);
            bars.add(new Bar(
                    round(i * width + 1), round(HEIGHT - height), round(Math.max(1, width - 2)), round(height), title));
        }
        String low = edgeLabels.isEmpty() ? "" : edgeLabels.getFirst();
        String high = edgeLabels.isEmpty() ? "" : edgeLabels.getLast();
        return new Histogram(WIDTH, HEIGHT, bars, low, high, List.of());
    }

    /** Label column and room left after the bar for its count. */
    static final int LABEL_WIDTH = 150;

    static final int COUNT_WIDTH = 100;
    static final int COUNTS_WIDTH = 440;
    static final int ROW = 22;

    static Counts counts(List<String> labels, List<Long> counts, long total) {
        List<CountBar> bars = new ArrayList<>();
        double barArea = COUNTS_WIDTH - LABEL_WIDTH - COUNT_WIDTH;
        for (int i = 0; i < labels.size(); i++) {
            double share = total == 0 ? 0 : (double) counts.get(i) / total;
            bars.add(new CountBar(
                    shorten(labels.get(i), 20),
                    ReportModel.count(counts.get(i)) + " (" + percent(share) + ")",
                    i * ROW + 16,
                    round(Math.max(1, barArea * share))));
        }
        return new Counts(COUNTS_WIDTH, labels.size() * ROW + 6, LABEL_WIDTH, bars);
    }

    /** A square heat map of values in [-1, 1]; null cells are grey. */
    static HeatMap heatMap(List<String> names, List<List<Double>> values) {
        int n = names.size();
        double size = Math.max(14, Math.min(36, 560.0 / Math.max(1, n)));
        // Row labels on the left, column labels slanted above: room for both, and for the last slanted label.
        double labelSpace = 110;
        double top = 84;
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Double v = values.get(i).get(j);
                cells.add(new Cell(
                        round(labelSpace + j * size),
                        round(top + i * size),
                        round(size - 1),
                        colour(v),
                        v != null && Math.abs(v) > 0.55 ? "#ffffff" : "#1d2433",
                        v == null || size < 26 ? "" : String.format(Locale.ROOT, "%.2f", v),
                        names.get(i) + " × " + names.get(j) + ": "
                                + (v == null ? "undefined" : String.format(Locale.ROOT, "%.3f", v))));
            }
        }
        List<Label> rows = new ArrayList<>();
        List<Label> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Label(labelSpace - 6, round(top + i * size + size * 0.65), shorten(names.get(i), 16)));
            columns.add(new Label(round(labelSpace + i * size + size * 0.45), top - 6, shorten(names.get(i), 16)));
        }
        return new HeatMap(
                (int) Math.ceil(labelSpace + n * size + 70), (int) Math.ceil(top + n * size + 4), cells, rows, columns);
    }

    /** Diverging blue (negative) to red (positive) through white. */
    static String colour(Double value) {
        if (value == null || value.isNaN()) {
            return "#e5e7eb";
        }
        double v = Math.max(-1, Math.min(1, value));
        int[] from = {255, 255, 255};
        int[] to = v >= 0 ? new int[] {200, 40, 40} : new int[] {37, 99, 235};
        double t = Math.abs(v);
        return String.format(
                Locale.ROOT, "#%02x%02x%02x", mix(from[0], to[0], t), mix(from[1], to[1], t), mix(from[2], to[2], t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.1 && share > 0 ? "%.1f%%" : "%.0f%%", share * 100);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
