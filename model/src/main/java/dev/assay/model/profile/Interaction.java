package dev.assay.model.profile;

import java.util.List;

/**
 * Two numeric columns drawn against each other: the most correlated pairs of a profile, for the report's scatter
 * plots.
 *
 * @param x       the column on the horizontal axis
 * @param y       the column on the vertical axis
 * @param pearson their correlation (on the profile's row sample)
 * @param pairs   rows of that sample where both have a value
 * @param points  at most {@link #MAX_POINTS} (x, y) pairs, evenly spaced through those rows in row order, so two
 *                profiles of a file draw the same points
 */
public record Interaction(String x, String y, double pearson, long pairs, List<List<Double>> points) {

    public static final int MAX_POINTS = 400;

    public Interaction {
        points = points.stream().map(List::copyOf).toList();
    }
}
