package dev.assay.runner.profile;

import java.util.SplittableRandom;

/**
 * A uniform sample of row indices, in order, with a fixed seed: correlations of a large table are computed
 * on it, so two profiles of the same file agree and a 10-million-row file does not need 10-million-row
 * copies of every column.
 */
final class RowSample {

    static final int MAX_ROWS = 200_000;

    private RowSample() {}

    static int[] of(int rows) {
        if (rows <= MAX_ROWS) {
            int[] all = new int[rows];
            for (int i = 0; i < rows; i++) {
                all[i] = i;
            }
            return all;
        }
        // Selection sampling (Knuth, Algorithm S): each row is kept with the probability still needed.
        SplittableRandom random = new SplittableRandom(42);
        int[] picked = new int[MAX_ROWS];
        int needed = MAX_ROWS;
        int taken = 0;
        for (int row = 0; row < rows && needed > 0; row++) {
            if (random.nextInt(rows - row) < needed) {
                picked[taken++] = row;
                needed--;
            }
        }
        return picked;
    }
}
